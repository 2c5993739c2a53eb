package io.tongbao.sandbox.wechat.trade;

/**
 * What a refund call asks for; the trade is named by out_trade_no or transaction_id (one of them is null).
 *
 * @param totalFen the trade total as the caller believes it; it must match
 */
public record RefundOrder(String mchId, String outTradeNo, String transactionId, String outRefundNo,
                          long refundFen, long totalFen, String reason, String notifyUrl) {
}
