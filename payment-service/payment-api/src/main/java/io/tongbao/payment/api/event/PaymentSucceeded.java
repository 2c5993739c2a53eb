package io.tongbao.payment.api.event;

import java.time.Instant;
import java.util.List;

/**
 * A payment attempt succeeded at the provider and was recorded (topic payment-success, tag = channel, key = payNo).
 * One payment may pay several orders of one user; each carries the amount it pays, in fen.
 */
public record PaymentSucceeded(String eventId, Instant occurredAt, String payNo, String channel, long userId,
        long amountFen, Instant paidAt, List<PaidOrder> orders) {

    public static final String TOPIC = "payment-success";

    public record PaidOrder(String orderNo, long amountFen) {
    }
}
