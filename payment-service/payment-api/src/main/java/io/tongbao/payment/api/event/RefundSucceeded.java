package io.tongbao.payment.api.event;

import java.time.Instant;

/**
 * A refund succeeded at its provider and was recorded (topic refund-success, tag = channel, key = orderNo).
 * {@code kind} is REQUESTED (an operator's refund: order-service moves the order to PARTIALLY_REFUNDED or
 * REFUNDED), or LATE_PAYMENT / DUPLICATE_PAYMENT (a payment its order never applied, refunded in full: the order
 * keeps its status and only its kept late payment is settled).
 */
public record RefundSucceeded(String eventId, Instant occurredAt, String refundNo, String payNo, String orderNo,
        String channel, String kind, long amountFen, Instant refundedAt) {

    public static final String TOPIC = "refund-success";
}
