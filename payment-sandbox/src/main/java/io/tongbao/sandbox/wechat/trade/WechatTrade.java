package io.tongbao.sandbox.wechat.trade;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tongbao.sandbox.wechat.WechatIds;

/**
 * A trade as WeChat Pay sees it. Immutable: every transition returns a new value, swapped in by
 * {@link WechatTradeStore}. The transaction id exists from the start but is shown only once the trade is paid.
 */
public record WechatTrade(TradeOrder order, String prepayId, String transactionId, TradeState state,
                          Instant createdAt, Instant paidAt, Instant closedAt, List<WechatRefund> refunds) {

    public WechatTrade {
        refunds = List.copyOf(refunds);
    }

    public String outTradeNo() {
        return order.outTradeNo();
    }

    public String mchId() {
        return order.mchId();
    }

    public long refundedFen() {
        return refunds.stream().mapToLong(WechatRefund::amountFen).sum();
    }

    public Optional<WechatRefund> refund(String outRefundNo) {
        return refunds.stream().filter(r -> r.outRefundNo().equals(outRefundNo)).findFirst();
    }

    public String payerOpenid() {
        return order.payerOpenid() != null ? order.payerOpenid() : WechatIds.SANDBOX_OPENID;
    }

    /** time_expire passed while nobody paid: WeChat closes the trade; the sandbox notices on the next access. */
    boolean expiredAt(Instant now) {
        return state == TradeState.NOTPAY && order.timeExpire() != null && now.isAfter(order.timeExpire());
    }

    WechatTrade paid(Instant at) {
        return new WechatTrade(order, prepayId, transactionId, TradeState.SUCCESS, createdAt, at, null, refunds);
    }

    WechatTrade closed(Instant at) {
        return new WechatTrade(order, prepayId, transactionId, TradeState.CLOSED, createdAt, paidAt, at, refunds);
    }

    WechatTrade refunded(WechatRefund refund) {
        var all = new ArrayList<>(refunds);
        all.add(refund);
        boolean full = refundedFen() + refund.amountFen() == order.totalFen();
        return new WechatTrade(order, prepayId, transactionId, full ? TradeState.REFUND : state, createdAt, paidAt,
                closedAt, all);
    }
}
