package io.tongbao.sandbox.wechat.trade;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tongbao.sandbox.wechat.WechatIds;

/**
 * The JSON of a Transaction (query answer and payment notify), a Refund (refund answers) and a refund notify
 * resource, with WeChat's field names. Fields of a payment appear only once the trade is paid, as WeChat omits them.
 */
public final class TransactionJson {

    private static final String USER_RECEIVED_ACCOUNT = "支付用户零钱";

    private TransactionJson() {
    }

    public static Map<String, Object> transaction(WechatTrade trade) {
        TradeOrder order = trade.order();
        boolean paid = trade.state().isPaid();
        var json = new LinkedHashMap<String, Object>();
        json.put("appid", order.appId());
        json.put("mchid", order.mchId());
        json.put("out_trade_no", order.outTradeNo());
        putIf(json, paid, "transaction_id", trade.transactionId());
        json.put("trade_type", order.tradeType().name());
        json.put("trade_state", trade.state().name());
        json.put("trade_state_desc", trade.state().description());
        putIf(json, paid, "bank_type", "OTHERS");
        putIf(json, order.attach() != null, "attach", order.attach());
        putIf(json, paid, "success_time", WechatIds.rfc3339(trade.paidAt()));
        putIf(json, paid, "payer", Map.of("openid", trade.payerOpenid()));
        var amount = new LinkedHashMap<String, Object>();
        amount.put("total", order.totalFen());
        putIf(amount, paid, "payer_total", order.totalFen());
        amount.put("currency", order.currency());
        amount.put("payer_currency", order.currency());
        json.put("amount", amount);
        return json;
    }

    /** @param status what to report: PROCESSING when a refund is first accepted, SUCCESS afterwards */
    public static Map<String, Object> refund(WechatTrade trade, WechatRefund refund, String status) {
        long total = trade.order().totalFen();
        var json = new LinkedHashMap<String, Object>();
        json.put("refund_id", refund.refundId());
        json.put("out_refund_no", refund.outRefundNo());
        json.put("transaction_id", trade.transactionId());
        json.put("out_trade_no", trade.outTradeNo());
        json.put("channel", "ORIGINAL");
        json.put("user_received_account", USER_RECEIVED_ACCOUNT);
        putIf(json, "SUCCESS".equals(status), "success_time", WechatIds.rfc3339(refund.succeededAt()));
        json.put("create_time", WechatIds.rfc3339(refund.createdAt()));
        json.put("status", status);
        json.put("funds_account", "AVAILABLE");
        var amount = new LinkedHashMap<String, Object>();
        amount.put("total", total);
        amount.put("refund", refund.amountFen());
        amount.put("from", List.of());
        amount.put("payer_total", total);
        amount.put("payer_refund", refund.amountFen());
        amount.put("settlement_refund", refund.amountFen());
        amount.put("settlement_total", total);
        amount.put("discount_refund", 0);
        amount.put("currency", trade.order().currency());
        amount.put("refund_fee", 0);
        json.put("amount", amount);
        json.put("promotion_detail", List.of());
        return json;
    }

    /** The decrypted REFUND.SUCCESS resource: {@code refund_status}, not {@code status}. */
    public static Map<String, Object> refundNotification(WechatTrade trade, WechatRefund refund) {
        var json = new LinkedHashMap<String, Object>();
        json.put("mchid", trade.mchId());
        json.put("transaction_id", trade.transactionId());
        json.put("out_trade_no", trade.outTradeNo());
        json.put("refund_id", refund.refundId());
        json.put("out_refund_no", refund.outRefundNo());
        json.put("refund_status", "SUCCESS");
        json.put("success_time", WechatIds.rfc3339(refund.succeededAt()));
        json.put("user_received_account", USER_RECEIVED_ACCOUNT);
        var amount = new LinkedHashMap<String, Object>();
        amount.put("total", trade.order().totalFen());
        amount.put("refund", refund.amountFen());
        amount.put("payer_total", trade.order().totalFen());
        amount.put("payer_refund", refund.amountFen());
        json.put("amount", amount);
        return json;
    }

    private static void putIf(Map<String, Object> json, boolean condition, String key, Object value) {
        if (condition && value != null) {
            json.put(key, value);
        }
    }
}
