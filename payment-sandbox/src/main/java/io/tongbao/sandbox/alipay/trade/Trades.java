package io.tongbao.sandbox.alipay.trade;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

/** Trade lifecycle: create, pay, close. Each transition is guarded on the current state and notifies afterwards. */
@Service
public class Trades {

    private final TradeStore store;
    private final TradeNotifications notifications;
    private final Clock clock;

    public Trades(TradeStore store, TradeNotifications notifications, Clock clock) {
        this.store = store;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Creates the trade in WAIT_BUYER_PAY, or returns it unchanged when the same request comes again. */
    public Trade create(NewTrade request) {
        Instant now = Instant.now(clock);
        return store.update(request.outTradeNo(), current -> {
            if (current == null) {
                return new Trade(request.appId(), request.outTradeNo(), AlipayIds.newTradeNo(now),
                        request.subject(), request.body(), request.totalFen(), TradeStatus.WAIT_BUYER_PAY,
                        request.notifyUrl(), request.returnUrl(), request.passbackParams(), now, null, null, List.of());
            }
            rejectRecreation(current, request);
            return current;
        });
    }

    private static void rejectRecreation(Trade current, NewTrade request) {
        if (current.isPaid()) {
            throw new TradeRejected("ACQ.TRADE_HAS_SUCCESS", "交易已被支付");
        }
        if (current.status() == TradeStatus.TRADE_CLOSED) {
            throw new TradeRejected("ACQ.TRADE_HAS_CLOSE", "交易已经关闭");
        }
        if (!current.appId().equals(request.appId()) || current.totalFen() != request.totalFen()) {
            throw new TradeRejected("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改");
        }
    }

    /** trade_no wins over out_trade_no; another app's trade does not exist for the caller. */
    public Trade find(TradeRef ref) {
        var found = ref.tradeNo() != null ? store.findByTradeNo(ref.tradeNo()) : store.find(ref.outTradeNo());
        return found.filter(trade -> trade.appId().equals(ref.appId())).orElseThrow(TradeRejected::notExist);
    }

    public Trade find(String outTradeNo) {
        return store.find(outTradeNo).orElseThrow(TradeRejected::notExist);
    }

    public Trade close(TradeRef ref) {
        return close(find(ref).outTradeNo());
    }

    /** Only a trade still waiting for the buyer can be closed; closing notifies TRADE_CLOSED. */
    public Trade close(String outTradeNo) {
        Instant now = Instant.now(clock);
        Trade closed = store.update(outTradeNo, current -> {
            if (current == null) {
                throw TradeRejected.notExist();
            }
            if (current.status() != TradeStatus.WAIT_BUYER_PAY) {
                throw TradeRejected.statusError("交易状态不合法: " + current.status());
            }
            return current.closed(now);
        });
        notifications.publish(closed, null, true);
        return closed;
    }

    /** The buyer pays. With {@code notify} false the notify is prepared but lost, as a dropped delivery would be. */
    public Trade pay(String outTradeNo, boolean notify) {
        Instant now = Instant.now(clock);
        Trade paid = store.update(outTradeNo, current -> {
            if (current == null) {
                throw TradeRejected.notExist();
            }
            if (current.status() == TradeStatus.TRADE_CLOSED) {
                throw new TradeRejected("ACQ.TRADE_HAS_CLOSE", "交易已经关闭");
            }
            if (current.isPaid()) {
                throw new TradeRejected("ACQ.TRADE_HAS_SUCCESS", "交易已被支付");
            }
            return current.paid(now);
        });
        notifications.publish(paid, null, notify);
        return paid;
    }
}
