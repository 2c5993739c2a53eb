package io.tongbao.sandbox.wechat.trade;

import java.time.Instant;

/** One accepted refund; {@code outRefundNo} is unique across the sandbox. It succeeds as soon as it is accepted. */
public record WechatRefund(String outRefundNo, String refundId, long amountFen, String reason, String notifyUrl,
                           Instant createdAt, Instant succeededAt) {
}
