package io.tongbao.order.api;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The Order of API.md: amounts in yuan strings with two decimals, ids as strings, timestamps with an offset.
 * {@code payNo} is the payment that paid it (null while unpaid), which refunds go back through.
 */
public record OrderView(String orderNo, long userId, BizType bizType, String bizId, OrderStatus status, String amount,
        String currency, String paidAmount, String refundedAmount, OffsetDateTime createdAt, OffsetDateTime expireAt,
        OffsetDateTime paidAt, List<Item> items, String payNo) {

    /** {@code itemType} is SKU, COURSE or POD; {@code itemId} is the skuId, courseId or podId. */
    public record Item(String itemType, long itemId, String name, int quantity, String price) {
    }
}
