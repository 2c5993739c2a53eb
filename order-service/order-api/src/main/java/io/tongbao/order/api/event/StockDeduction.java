package io.tongbao.order.api.event;

import java.time.Instant;
import java.util.List;

/**
 * A paid GOODS order's reserved stock is to become sold (topic stock-deduction, tag GOODS, key = orderNo).
 * The inventory consumer applies it once per order and SKU, whatever the number of deliveries.
 */
public record StockDeduction(String eventId, Instant occurredAt, String orderNo, long orderId, List<Line> lines) {

    public static final String TOPIC = "stock-deduction";
    public static final String TAG = "GOODS";

    public record Line(long skuId, int quantity) {
    }
}
