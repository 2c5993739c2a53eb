package io.tongbao.sandbox.alipay.trade;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.tongbao.sandbox.alipay.notify.Notify;
import io.tongbao.sandbox.alipay.notify.NotifyDispatcher;
import io.tongbao.sandbox.money.Yuan;
import org.springframework.stereotype.Component;

/** Turns trade transitions into trade_status_sync notifies (PROVIDER-ALIPAY 4) and remembers each trade's latest. */
@Component
public class TradeNotifications {

    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(AlipayIds.ZONE);
    private static final DateTimeFormatter REFUND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(AlipayIds.ZONE);

    private final NotifyDispatcher dispatcher;
    private final Clock clock;
    private final Map<String, Notify> latest = new ConcurrentHashMap<>();

    public TradeNotifications(NotifyDispatcher dispatcher, Clock clock) {
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** Builds the notify for the trade's current state; sends it with retries unless {@code send} is false. */
    void publish(Trade trade, Refund refund, boolean send) {
        if (trade.notifyUrl() == null || trade.notifyUrl().isBlank()) {
            return;
        }
        Notify notify = new Notify(trade.notifyUrl(), params(trade, refund));
        latest.put(trade.outTradeNo(), notify);
        if (send) {
            dispatcher.dispatch(notify);
        }
    }

    public Optional<Notify> latest(String outTradeNo) {
        return Optional.ofNullable(latest.get(outTradeNo));
    }

    private Map<String, String> params(Trade trade, Refund refund) {
        var params = new LinkedHashMap<String, String>();
        params.put("notify_type", "trade_status_sync");
        params.put("notify_id", AlipayIds.newNotifyId());
        params.put("notify_time", TIME.format(Instant.now(clock)));
        params.put("app_id", trade.appId());
        params.put("auth_app_id", trade.appId());
        params.put("charset", "utf-8");
        params.put("version", "1.0");
        params.put("sign_type", "RSA2");
        params.put("trade_no", trade.tradeNo());
        params.put("out_trade_no", trade.outTradeNo());
        params.put("seller_id", AlipayIds.sellerId(trade.appId()));
        params.put("trade_status", trade.status().name());
        params.put("total_amount", Yuan.format(trade.totalFen()));
        params.put("subject", trade.subject());
        putIfPresent(params, "body", trade.body());
        putIfPresent(params, "passback_params", trade.passbackParams());
        params.put("gmt_create", TIME.format(trade.createdAt()));
        if (trade.isPaid()) {
            putPayment(params, trade);
        }
        if (trade.closedAt() != null) {
            params.put("gmt_close", TIME.format(trade.closedAt()));
        }
        if (refund != null) {
            params.put("out_biz_no", refund.outRequestNo());
            params.put("refund_fee", Yuan.format(trade.refundedFen()));
            params.put("send_back_fee", Yuan.format(refund.amountFen()));
            params.put("gmt_refund", REFUND_TIME.format(refund.refundedAt()));
        }
        return params;
    }

    private static void putPayment(Map<String, String> params, Trade trade) {
        String total = Yuan.format(trade.totalFen());
        params.put("buyer_id", AlipayIds.BUYER_ID);
        params.put("buyer_logon_id", AlipayIds.BUYER_LOGON_ID);
        params.put("receipt_amount", total);
        params.put("invoice_amount", total);
        params.put("buyer_pay_amount", total);
        params.put("point_amount", "0.00");
        params.put("gmt_payment", TIME.format(trade.paidAt()));
        // a JSON string with camelCase keys here, unlike the snake_case list in query responses
        params.put("fund_bill_list", "[{\"amount\":\"" + total + "\",\"fundChannel\":\"ALIPAYACCOUNT\"}]");
    }

    // blank values are never sent: Node's verifier would sign "k=" where the sender skipped it
    private static void putIfPresent(Map<String, String> params, String key, String value) {
        if (value != null && !value.isBlank()) {
            params.put(key, value);
        }
    }
}
