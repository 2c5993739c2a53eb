package io.tongbao.sandbox.wechat.trade;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.tongbao.sandbox.wechat.WechatError;
import io.tongbao.sandbox.wechat.WechatIds;
import org.springframework.stereotype.Service;

/**
 * Refund semantics: idempotent per out_refund_no (the same number never refunds twice), cumulative, capped by what
 * is left. A refund succeeds as soon as it is accepted and REFUND.SUCCESS goes to its notify_url.
 */
@Service
public class WechatRefunds {

    private final WechatTradeStore store;
    private final WechatTrades trades;
    private final WechatTradeNotifications notifications;
    private final Clock clock;

    public WechatRefunds(WechatTradeStore store, WechatTrades trades, WechatTradeNotifications notifications,
                         Clock clock) {
        this.store = store;
        this.trades = trades;
        this.notifications = notifications;
        this.clock = clock;
    }

    public RefundResult refund(RefundOrder order) {
        WechatTrade trade = tradeOf(order);
        store.findByOutRefundNo(order.outRefundNo()).filter(other -> !other.outTradeNo().equals(trade.outTradeNo()))
                .ifPresent(other -> {
                    throw WechatError.invalidRequest("退款单号已用于其他订单: " + order.outRefundNo());
                });
        Instant now = clock.instant();
        var repeated = new AtomicBoolean();
        WechatTrade after = store.update(trade.outTradeNo(), current -> {
            Optional<WechatRefund> earlier = current.refund(order.outRefundNo());
            if (earlier.isPresent()) {
                if (earlier.get().amountFen() != order.refundFen()) {
                    throw WechatError.invalidRequest("同一退款单号的退款金额与之前不一致");
                }
                repeated.set(true);
                return current;
            }
            checkRefundable(current, order);
            return current.refunded(new WechatRefund(order.outRefundNo(), WechatIds.newRefundId(now),
                    order.refundFen(), order.reason(), order.notifyUrl(), now, now));
        });
        WechatRefund refund = after.refund(order.outRefundNo()).orElseThrow();
        if (!repeated.get()) {
            notifications.refunded(after, refund);
        }
        return new RefundResult(after, refund, !repeated.get());
    }

    /** The merchant's refund, or 404 RESOURCE_NOT_EXISTS. */
    public RefundResult find(String mchId, String outRefundNo) {
        return store.findByOutRefundNo(outRefundNo).filter(trade -> trade.mchId().equals(mchId))
                .flatMap(trade -> trade.refund(outRefundNo).map(refund -> new RefundResult(trade, refund, false)))
                .orElseThrow(() -> new WechatError(404, "RESOURCE_NOT_EXISTS", "退款单不存在"));
    }

    /** The out_trade_no of the trade a refund call names, or 404 RESOURCE_NOT_EXISTS. */
    public String outTradeNoOf(RefundOrder order) {
        return tradeOf(order).outTradeNo();
    }

    private WechatTrade tradeOf(RefundOrder order) {
        try {
            return order.transactionId() != null
                    ? trades.findByTransactionId(order.mchId(), order.transactionId())
                    : trades.find(order.mchId(), order.outTradeNo());
        } catch (WechatError e) {
            throw new WechatError(404, "RESOURCE_NOT_EXISTS", "订单不存在");
        }
    }

    // INVALID_REQUEST for asking more than is left: NOT_ENOUGH means the merchant's balance, which is not the case
    private static void checkRefundable(WechatTrade trade, RefundOrder order) {
        if (!trade.state().isPaid()) {
            throw WechatError.invalidRequest("订单状态不正确，不能退款: " + trade.state());
        }
        if (order.totalFen() != trade.order().totalFen()) {
            throw WechatError.invalidRequest("订单金额与原订单不一致");
        }
        long remaining = trade.order().totalFen() - trade.refundedFen();
        if (order.refundFen() > remaining) {
            throw WechatError.invalidRequest("申请退款金额超过订单可退金额，可退金额为" + remaining + "分");
        }
    }
}
