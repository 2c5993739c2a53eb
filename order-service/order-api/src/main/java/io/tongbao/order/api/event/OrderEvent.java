package io.tongbao.order.api.event;

import java.time.Instant;

import io.tongbao.order.api.BizType;

/**
 * Something happened to an order (topic order-events, tag = type, key = orderNo). Consumers pick the business
 * types they own: coin-service COIN_RECHARGE, learning-service COURSE, order-service's inventory GOODS.
 *
 * @param payNo the payment that paid it (PAID and REFUNDED; null when CLOSED)
 * @param refundedAmountFen how much of the paid amount has been refunded so far; a REFUNDED event is a full refund
 *        when it equals {@code paidAmountFen}, a partial one otherwise (0 in PAID and CLOSED events)
 */
public record OrderEvent(String eventId, Instant occurredAt, Type type, String orderNo, long userId, BizType bizType,
        String bizId, long amountFen, long paidAmountFen, String payNo, long refundedAmountFen) {

    public static final String TOPIC = "order-events";

    /** A REFUNDED event whose refunds add up to everything that was paid. */
    public boolean fullyRefunded() {
        return type == Type.REFUNDED && paidAmountFen > 0 && refundedAmountFen == paidAmountFen;
    }

    public enum Type {
        PAID, CLOSED, REFUNDED
    }
}
