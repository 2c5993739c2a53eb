package io.tongbao.order.api.event;

import java.time.Instant;

import io.tongbao.order.api.BizType;

/**
 * Something happened to an order (topic order-events, tag = type, key = orderNo). Consumers pick the business
 * types they own: coin-service COIN_RECHARGE, learning-service COURSE, order-service's inventory GOODS.
 *
 * @param payNo the payment that paid it (PAID only)
 */
public record OrderEvent(String eventId, Instant occurredAt, Type type, String orderNo, long userId, BizType bizType,
        String bizId, long amountFen, long paidAmountFen, String payNo) {

    public static final String TOPIC = "order-events";

    public enum Type {
        PAID, CLOSED, REFUNDED
    }
}
