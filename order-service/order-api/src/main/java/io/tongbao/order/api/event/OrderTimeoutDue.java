package io.tongbao.order.api.event;

import java.time.Instant;

/** The timer message scheduled at an order's creation, delivered on topic order-timeout at its expiry. */
public record OrderTimeoutDue(String eventId, Instant occurredAt, String orderNo, Instant expireAt) {

    public static final String TOPIC = "order-timeout";
}
