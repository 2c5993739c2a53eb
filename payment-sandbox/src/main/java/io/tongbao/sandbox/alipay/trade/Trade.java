package io.tongbao.sandbox.alipay.trade;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A trade as the provider sees it. Immutable: every transition returns a new value, swapped in by {@link TradeStore}. */
public record Trade(
        String appId,
        String outTradeNo,
        String tradeNo,
        String subject,
        String body,
        long totalFen,
        TradeStatus status,
        String notifyUrl,
        String returnUrl,
        String passbackParams,
        Instant createdAt,
        Instant paidAt,
        Instant closedAt,
        List<Refund> refunds) {

    public Trade {
        refunds = List.copyOf(refunds);
    }

    public long refundedFen() {
        return refunds.stream().mapToLong(Refund::amountFen).sum();
    }

    public Optional<Refund> refund(String outRequestNo) {
        return refunds.stream().filter(r -> r.outRequestNo().equals(outRequestNo)).findFirst();
    }

    public boolean isPaid() {
        return paidAt != null;
    }

    Trade paid(Instant at) {
        return new Trade(appId, outTradeNo, tradeNo, subject, body, totalFen, TradeStatus.TRADE_SUCCESS,
                notifyUrl, returnUrl, passbackParams, createdAt, at, null, refunds);
    }

    Trade closed(Instant at) {
        return new Trade(appId, outTradeNo, tradeNo, subject, body, totalFen, TradeStatus.TRADE_CLOSED,
                notifyUrl, returnUrl, passbackParams, createdAt, paidAt, at, refunds);
    }

    Trade refunded(Refund refund) {
        var all = new ArrayList<>(refunds);
        all.add(refund);
        boolean full = refundedFen() + refund.amountFen() == totalFen;
        // Alipay closes a trade once all of its money went back
        return new Trade(appId, outTradeNo, tradeNo, subject, body, totalFen,
                full ? TradeStatus.TRADE_CLOSED : status, notifyUrl, returnUrl, passbackParams,
                createdAt, paidAt, full ? refund.refundedAt() : closedAt, all);
    }
}
