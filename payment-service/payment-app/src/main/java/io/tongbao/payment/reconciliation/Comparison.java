package io.tongbao.payment.reconciliation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tongbao.common.money.Money;
import io.tongbao.payment.channel.BillEntry;
import io.tongbao.payment.reconciliation.Difference.Kind;
import io.tongbao.payment.reconciliation.Difference.Resolution;

/**
 * Compares a provider's bill with our books, by out_trade_no (our payNo) and refund number: what the provider has
 * and we lack, what we have and the provider lacks, and what both have with another amount or status. Pure logic;
 * nothing is changed here.
 */
final class Comparison {

    private Comparison() {
    }

    static List<Difference> compare(List<BillEntry> bill, Books books) {
        List<Difference> differences = new ArrayList<>();
        Set<String> billedPayments = new HashSet<>();
        Set<String> billedRefunds = new HashSet<>();
        for (BillEntry entry : bill) {
            if (entry.kind() == BillEntry.Kind.PAYMENT) {
                billedPayments.add(entry.outTradeNo());
                payment(entry, books).ifPresent(differences::add);
            } else {
                billedRefunds.add(entry.refundNo());
                refund(entry, books).ifPresent(differences::add);
            }
        }
        books.payments().values().stream()
                .filter(p -> p.succeededWithin(books.from(), books.until()) && !billedPayments.contains(p.payNo()))
                .forEach(p -> differences.add(new Difference(Kind.MISSING_AT_PROVIDER, p.payNo(), null,
                        said(p.status(), p.amountFen()), null, Resolution.REPORTED)));
        books.refunds().values().stream()
                .filter(r -> r.succeededWithin(books.from(), books.until()) && !billedRefunds.contains(r.refundNo()))
                .forEach(r -> differences.add(new Difference(Kind.MISSING_AT_PROVIDER, r.payNo(), r.refundNo(),
                        said(r.status(), r.amountFen()), null, Resolution.REPORTED)));
        return differences;
    }

    private static Optional<Difference> payment(BillEntry entry, Books books) {
        Books.Payment ours = books.payments().get(entry.outTradeNo());
        String theirs = said("PAID", entry.amountFen());
        if (ours == null) {
            return Optional.of(new Difference(Kind.MISSING_LOCALLY, entry.outTradeNo(), null, null, theirs,
                    Resolution.REPORTED));
        }
        if (ours.amountFen() != entry.amountFen()) {
            return Optional.of(new Difference(Kind.AMOUNT_MISMATCH, entry.outTradeNo(), null,
                    said(ours.status(), ours.amountFen()), theirs, Resolution.REPORTED));
        }
        if (!"SUCCESS".equals(ours.status())) {
            return Optional.of(new Difference(Kind.MISSING_LOCALLY, entry.outTradeNo(), null,
                    said(ours.status(), ours.amountFen()), theirs, Resolution.REPORTED));
        }
        return Optional.empty();
    }

    private static Optional<Difference> refund(BillEntry entry, Books books) {
        Books.Refund ours = books.refunds().get(entry.refundNo());
        String theirs = said("REFUNDED", entry.amountFen());
        if (ours == null) {
            return Optional.of(new Difference(Kind.MISSING_LOCALLY, entry.outTradeNo(), entry.refundNo(),
                    null, theirs, Resolution.REPORTED));
        }
        if (ours.amountFen() != entry.amountFen()) {
            return Optional.of(new Difference(Kind.AMOUNT_MISMATCH, entry.outTradeNo(), entry.refundNo(),
                    said(ours.status(), ours.amountFen()), theirs, Resolution.REPORTED));
        }
        if (!"SUCCESS".equals(ours.status())) {
            return Optional.of(new Difference(Kind.STATUS_MISMATCH, entry.outTradeNo(), entry.refundNo(),
                    said(ours.status(), ours.amountFen()), theirs, Resolution.REPORTED));
        }
        return Optional.empty();
    }

    static String said(String status, long fen) {
        return status + " " + Money.toYuan(fen);
    }
}
