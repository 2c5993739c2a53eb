package io.tongbao.order.api.event;

import java.time.Instant;

/**
 * A recorded payment that its order did not apply (topic late-payment, tag = kind, key = payNo): LATE_PAYMENT when
 * the order was already CLOSED, DUPLICATE_PAYMENT when another payment had already paid it. payment-service refunds
 * it in full, once.
 */
public record LatePaymentKept(String eventId, Instant occurredAt, String payNo, String orderNo, long amountFen,
        String kind) {

    public static final String TOPIC = "late-payment";
}
