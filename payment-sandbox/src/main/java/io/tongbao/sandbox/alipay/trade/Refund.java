package io.tongbao.sandbox.alipay.trade;

import java.time.Instant;

/** One accepted refund; {@code outRequestNo} is unique within its trade. */
public record Refund(String outRequestNo, long amountFen, String reason, Instant refundedAt) {
}
