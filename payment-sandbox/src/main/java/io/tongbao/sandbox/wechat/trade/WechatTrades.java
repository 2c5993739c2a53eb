package io.tongbao.sandbox.wechat.trade;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.tongbao.sandbox.wechat.WechatError;
import io.tongbao.sandbox.wechat.WechatIds;
import org.springframework.stereotype.Service;

/**
 * Trade lifecycle: prepay, pay, close, and expiry at time_expire (applied lazily, whenever the trade is next read).
 * Each transition is guarded on the current state; a merchant never sees another merchant's trade.
 */
@Service
public class WechatTrades {

    private final WechatTradeStore store;
    private final WechatTradeNotifications notifications;
    private final Clock clock;

    public WechatTrades(WechatTradeStore store, WechatTradeNotifications notifications, Clock clock) {
        this.store = store;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Creates the trade in NOTPAY, or answers the same trade when the same order comes again. */
    public WechatTrade prepay(TradeOrder order) {
        Instant now = clock.instant();
        return store.update(order.outTradeNo(), current -> {
            if (current == null) {
                return new WechatTrade(order, WechatIds.newPrepayId(now), WechatIds.newTransactionId(now),
                        TradeState.NOTPAY, now, null, null, List.of());
            }
            WechatTrade trade = current.expiredAt(now) ? current.closed(current.order().timeExpire()) : current;
            if (!trade.order().sameOrderAs(order)) {
                throw new WechatError(403, "OUT_TRADE_NO_USED", "商户订单号重复");
            }
            if (trade.state() == TradeState.CLOSED) {
                throw new WechatError(400, "ORDER_CLOSED", "订单已关闭");
            }
            if (trade.state().isPaid()) {
                throw new WechatError(400, "ORDERPAID", "该订单已支付");
            }
            return trade;
        });
    }

    /** The merchant's trade, or 404 ORDER_NOT_EXIST. */
    public WechatTrade find(String mchId, String outTradeNo) {
        return current(store.find(outTradeNo)).filter(trade -> trade.mchId().equals(mchId))
                .orElseThrow(WechatError::orderNotExist);
    }

    public WechatTrade findByTransactionId(String mchId, String transactionId) {
        return current(store.findByTransactionId(transactionId))
                .filter(trade -> trade.mchId().equals(mchId) && trade.state().isPaid())
                .orElseThrow(WechatError::orderNotExist);
    }

    /** Any merchant's trade, for the test hooks and the cashier. */
    public WechatTrade find(String outTradeNo) {
        return current(store.find(outTradeNo)).orElseThrow(WechatError::orderNotExist);
    }

    public Optional<WechatTrade> findAny(String outTradeNo) {
        return current(store.find(outTradeNo));
    }

    /**
     * Closes an unpaid trade; closing a closed one again is a no-op. A paid trade is refused with 400 ORDERPAID:
     * that is the v2 code for this case, the sandbox's own choice, since the v3 close table lists only generic codes.
     *
     * @param mchId the calling merchant, or null for the cancel hook
     */
    public WechatTrade close(String mchId, String outTradeNo) {
        Instant now = clock.instant();
        return store.update(outTradeNo, current -> {
            if (current == null || mchId != null && !current.mchId().equals(mchId)) {
                throw WechatError.orderNotExist();
            }
            if (current.state().isPaid()) {
                throw new WechatError(400, "ORDERPAID", "订单已支付，不能关闭");
            }
            if (current.state() == TradeState.CLOSED) {
                return current;
            }
            return current.closed(current.expiredAt(now) ? current.order().timeExpire() : now);
        });
    }

    /** The payer pays. With {@code notify} false the notification is prepared but never sent. */
    public WechatTrade pay(String outTradeNo, boolean notify) {
        Instant now = clock.instant();
        WechatTrade paid = store.update(outTradeNo, current -> {
            if (current == null) {
                throw WechatError.orderNotExist();
            }
            if (current.state() == TradeState.CLOSED || current.expiredAt(now)) {
                throw new WechatError(400, "ORDER_CLOSED", "订单已关闭");
            }
            if (current.state().isPaid()) {
                throw new WechatError(400, "ORDERPAID", "该订单已支付");
            }
            return current.paid(now);
        });
        notifications.paid(paid, notify);
        return paid;
    }

    private Optional<WechatTrade> current(Optional<WechatTrade> found) {
        Instant now = clock.instant();
        return found.map(trade -> !trade.expiredAt(now) ? trade : store.update(trade.outTradeNo(),
                current -> current.expiredAt(now) ? current.closed(current.order().timeExpire()) : current));
    }
}
