package io.tongbao.order.api;

import java.util.List;

/**
 * Another service asks order-service for the order of one of its business records. The items and their prices
 * come from the calling service's own data (a coin pack, a course), never from the client. Asking again for the
 * same (bizType, bizId) returns the same order.
 *
 * @param timeoutSeconds how long the order may stay unpaid; null for the configured default
 */
public record CreateOrderCommand(long userId, BizType bizType, String bizId, List<Item> items, Long timeoutSeconds) {

    /** One line of the order; {@code priceFen} is the unit price in fen. */
    public record Item(String itemType, long itemId, String name, int quantity, long priceFen) {
    }
}
