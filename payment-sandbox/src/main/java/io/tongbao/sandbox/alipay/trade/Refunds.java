package io.tongbao.sandbox.alipay.trade;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Service;

/** alipay.trade.refund semantics (PROVIDER-ALIPAY 3): idempotent per out_request_no, cumulative, capped by the total. */
@Service
public class Refunds {

    private final Trades trades;
    private final TradeStore store;
    private final TradeNotifications notifications;
    private final Clock clock;

    public Refunds(Trades trades, TradeStore store, TradeNotifications notifications, Clock clock) {
        this.trades = trades;
        this.store = store;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** @param outRequestNo null means "the whole trade", which Alipay then names after out_trade_no */
    public RefundOutcome refund(TradeRef ref, String outRequestNo, long amountFen, String reason) {
        if (amountFen <= 0) {
            throw TradeRejected.invalidParameter("refund_amount 必须大于0");
        }
        String outTradeNo = trades.find(ref).outTradeNo();
        String requestNo = outRequestNo == null ? outTradeNo : outRequestNo;
        Instant now = Instant.now(clock);
        var repeated = new AtomicBoolean();
        Trade after = store.update(outTradeNo, current -> {
            var earlier = current.refund(requestNo);
            if (earlier.isPresent()) {
                checkRepeat(earlier.get(), amountFen, reason);
                repeated.set(true);
                return current;
            }
            checkRefundable(current, outRequestNo == null, amountFen);
            return current.refunded(new Refund(requestNo, amountFen, reason, now));
        });
        Refund refund = after.refund(requestNo).orElseThrow();
        if (!repeated.get()) {
            notifications.publish(after, refund, true);
        }
        return new RefundOutcome(after, refund, !repeated.get());
    }

    private static void checkRepeat(Refund earlier, long amountFen, String reason) {
        boolean sameReason = reason == null || reason.equals(earlier.reason());
        if (earlier.amountFen() != amountFen || !sameReason) {
            throw new TradeRejected("ACQ.DISCORDANT_REPEAT_REQUEST", "退款请求号对应的退款金额或原因与之前不一致");
        }
    }

    private static void checkRefundable(Trade trade, boolean wholeTrade, long amountFen) {
        if (trade.status() == TradeStatus.TRADE_FINISHED) {
            throw new TradeRejected("ACQ.TRADE_HAS_FINISHED", "交易已完结");
        }
        if (trade.status() != TradeStatus.TRADE_SUCCESS) {
            throw TradeRejected.statusError("交易状态不合法: " + trade.status());
        }
        long remaining = trade.totalFen() - trade.refundedFen();
        // without out_request_no only the whole amount can go back (the request number defaults to out_trade_no)
        if (amountFen > remaining || (wholeTrade && amountFen != trade.totalFen())) {
            throw new TradeRejected("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
        }
    }
}
