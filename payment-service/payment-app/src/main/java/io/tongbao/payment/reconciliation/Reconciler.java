package io.tongbao.payment.reconciliation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.tongbao.payment.attempt.PaymentResults;
import io.tongbao.payment.channel.BillEntry;
import io.tongbao.payment.channel.Channels;
import io.tongbao.payment.channel.PaymentChannel;
import io.tongbao.payment.channel.ProviderTrade;
import io.tongbao.payment.metrics.ReconciliationMetrics;
import io.tongbao.payment.reconciliation.Difference.Kind;
import io.tongbao.payment.reconciliation.Difference.Resolution;

/**
 * One reconciliation run of a channel's day: downloads the bill, applies the payments the provider took that we
 * never recorded (through {@link PaymentResults#apply}, the path of every notify), compares, and stores the result.
 * A payment applied by an earlier run of the same day stays listed as applied, so a repeated run gives the same
 * answer and changes nothing.
 */
@Service
class Reconciler {

    /** The providers' day: both bill in Beijing time. */
    static final ZoneId PROVIDER_DAY = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    private final Channels channels;
    private final PaymentResults results;
    private final BooksMapper books;
    private final ReconciliationMapper store;
    private final TransactionTemplate transactions;
    private final ReconciliationMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    Reconciler(Channels channels, PaymentResults results, BooksMapper books, ReconciliationMapper store,
            TransactionTemplate transactions, ReconciliationMetrics metrics) {
        this.channels = channels;
        this.results = results;
        this.books = books;
        this.store = store;
        this.transactions = transactions;
        this.metrics = metrics;
    }

    /** Runs the day now (the caller holds the day's lock) and returns what is stored. */
    ReconciliationMapper.Stored run(String channelName, LocalDate day) {
        String date = day.toString();
        store.start(channelName, date, clock.instant());
        PaymentChannel channel = channels.of(channelName);
        List<BillEntry> bill;
        try {
            bill = channel.bill(day);
        } catch (RuntimeException e) {
            log.warn("Reconciliation of {} {} failed: the bill could not be read: {}", channelName, date, e.toString());
            store.fail(channelName, date, truncate(e.getMessage() == null ? e.toString() : e.getMessage()),
                    clock.instant());
            metrics.finished(channelName, "FAILED");
            return store.find(channelName, date);
        }
        List<Difference> applied = applyUnrecorded(channelName, bill);
        Books ours = books(channelName, day, bill);
        List<Difference> differences = new ArrayList<>(Comparison.compare(bill, ours));
        differences.addAll(applied);
        Set<String> listed = new HashSet<>();
        differences.forEach(d -> listed.add(d.outTradeNo()));
        store.differences(channelName, date).stream()
                .filter(d -> d.resolution() == Resolution.APPLIED && !listed.contains(d.outTradeNo()))
                .forEach(differences::add);
        differences.sort(Difference.ORDER);
        ReconciliationMapper.Outcome outcome = outcome(bill, ours, differences);
        transactions.executeWithoutResult(tx -> {
            store.clearDifferences(channelName, date);
            for (int i = 0; i < differences.size(); i++) {
                store.insertDifference(channelName, date, i + 1, differences.get(i));
            }
            store.finish(channelName, date, outcome, clock.instant());
        });
        metrics.finished(channelName, outcome.status());
        log.info("Reconciliation of {} {}: {} with {} difference(s)", channelName, date, outcome.status(),
                differences.size());
        return store.find(channelName, date);
    }

    /** Payments the bill shows for attempts of ours that are not SUCCESS (same amount): applied as any notify is. */
    private List<Difference> applyUnrecorded(String channel, List<BillEntry> bill) {
        List<String> payNos = bill.stream().filter(e -> e.kind() == BillEntry.Kind.PAYMENT)
                .map(BillEntry::outTradeNo).toList();
        Map<String, Books.Payment> attempts = new HashMap<>();
        if (!payNos.isEmpty()) {
            books.payments(channel, payNos).forEach(p -> attempts.put(p.payNo(), p));
        }
        List<Difference> applied = new ArrayList<>();
        for (BillEntry entry : bill) {
            Books.Payment ours = attempts.get(entry.outTradeNo());
            if (entry.kind() != BillEntry.Kind.PAYMENT || ours == null || "SUCCESS".equals(ours.status())
                    || ours.amountFen() != entry.amountFen()) {
                continue;
            }
            ProviderTrade paid = new ProviderTrade(ProviderTrade.Status.PAID, entry.amountFen(),
                    entry.providerTradeNo(), entry.at());
            if (results.apply(channel, entry.outTradeNo(), paid) == PaymentResults.Outcome.RECORDED) {
                log.warn("Reconciliation applied payment {} of {} that the {} bill shows and we had not recorded",
                        entry.outTradeNo(), ours.amountFen(), channel);
                applied.add(new Difference(Kind.MISSING_LOCALLY, entry.outTradeNo(), null,
                        Comparison.said(ours.status(), ours.amountFen()), Comparison.said("PAID", entry.amountFen()),
                        Resolution.APPLIED));
            }
        }
        return applied;
    }

    private Books books(String channel, LocalDate day, List<BillEntry> bill) {
        Instant from = day.atStartOfDay(PROVIDER_DAY).toInstant();
        Instant until = day.plusDays(1).atStartOfDay(PROVIDER_DAY).toInstant();
        Map<String, Books.Payment> payments = new HashMap<>();
        Map<String, Books.Refund> refunds = new HashMap<>();
        books.paymentsWithin(channel, from, until).forEach(p -> payments.put(p.payNo(), p));
        books.refundsWithin(channel, from, until).forEach(r -> refunds.put(r.refundNo(), r));
        List<String> payNos = bill.stream().filter(e -> e.kind() == BillEntry.Kind.PAYMENT)
                .map(BillEntry::outTradeNo).filter(no -> !payments.containsKey(no)).toList();
        List<String> refundNos = bill.stream().filter(e -> e.kind() == BillEntry.Kind.REFUND)
                .map(BillEntry::refundNo).filter(no -> !refunds.containsKey(no)).toList();
        if (!payNos.isEmpty()) {
            books.payments(channel, payNos).forEach(p -> payments.put(p.payNo(), p));
        }
        if (!refundNos.isEmpty()) {
            books.refunds(channel, refundNos).forEach(r -> refunds.put(r.refundNo(), r));
        }
        return new Books(payments, refunds, from, until);
    }

    private static ReconciliationMapper.Outcome outcome(List<BillEntry> bill, Books ours, List<Difference> differences) {
        long providerAmount = bill.stream()
                .mapToLong(e -> e.kind() == BillEntry.Kind.PAYMENT ? e.amountFen() : -e.amountFen()).sum();
        List<Books.Payment> paid = ours.payments().values().stream()
                .filter(p -> p.succeededWithin(ours.from(), ours.until())).toList();
        List<Books.Refund> refunded = ours.refunds().values().stream()
                .filter(r -> r.succeededWithin(ours.from(), ours.until())).toList();
        long ourAmount = paid.stream().mapToLong(Books.Payment::amountFen).sum()
                - refunded.stream().mapToLong(Books.Refund::amountFen).sum();
        return new ReconciliationMapper.Outcome(differences.isEmpty() ? "BALANCED" : "DIFFERENCES",
                paid.size() + refunded.size(), bill.size(), ourAmount, providerAmount);
    }

    private static String truncate(String text) {
        return text.length() <= 256 ? text : text.substring(0, 256);
    }
}
