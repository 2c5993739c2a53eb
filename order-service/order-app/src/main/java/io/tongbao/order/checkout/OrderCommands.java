package io.tongbao.order.checkout;

import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;
import io.tongbao.order.api.CreateOrderCommand;

/** Checks and sums a create command: pure logic, no Spring. */
final class OrderCommands {

    static final int MAX_QUANTITY = 999;
    static final int MAX_LINES = 20;
    private static final Set<String> ITEM_TYPES = Set.of("SKU", "COURSE", "POD");

    private OrderCommands() {
    }

    static void validate(CreateOrderCommand command) {
        require(command.userId() > 0, "userId must be positive");
        require(command.bizType() != null, "bizType is required");
        require(command.bizId() != null && command.bizId().matches("[A-Za-z0-9_-]{1,64}"), "bizId is required");
        require(command.items() != null && !command.items().isEmpty(), "an order needs at least one item");
        require(command.timeoutSeconds() == null || command.timeoutSeconds() > 0, "timeoutSeconds must be positive");
        for (CreateOrderCommand.Item item : command.items()) {
            require(ITEM_TYPES.contains(item.itemType()), "itemType must be SKU, COURSE or POD");
            require(item.quantity() > 0 && item.quantity() <= MAX_QUANTITY, "quantity must be 1.." + MAX_QUANTITY);
            require(item.priceFen() > 0, "price must be positive");
            require(item.name() != null && !item.name().isBlank(), "item name is required");
        }
    }

    /** One line of a client's goods order: a SKU and how many. */
    record GoodsLine(String skuId, Integer quantity) {
    }

    /**
     * A client's goods lines, checked and merged per SKU (the same SKU twice counts once, with the quantities
     * added), in skuId order. Prices never come from the client.
     */
    static SortedMap<Long, Integer> goodsLines(List<GoodsLine> lines) {
        require(lines != null && !lines.isEmpty(), "items must list at least one SKU");
        require(lines.size() <= MAX_LINES, "at most " + MAX_LINES + " items per order");
        SortedMap<Long, Integer> merged = new TreeMap<>();
        for (GoodsLine line : lines) {
            require(line != null && line.skuId() != null && line.skuId().matches("[1-9][0-9]{0,17}"),
                    "skuId must be a SKU id");
            require(line.quantity() != null && line.quantity() > 0 && line.quantity() <= MAX_QUANTITY,
                    "quantity must be 1.." + MAX_QUANTITY);
            merged.merge(Long.parseLong(line.skuId()), line.quantity(), Integer::sum);
        }
        require(merged.values().stream().allMatch(q -> q <= MAX_QUANTITY), "quantity must be 1.." + MAX_QUANTITY);
        return merged;
    }

    /** The sum of quantity × unit price, in fen; overflow is an error, never a wrap-around. */
    static long amountFen(CreateOrderCommand command) {
        long total = 0;
        for (CreateOrderCommand.Item item : command.items()) {
            total = Math.addExact(total, Math.multiplyExact(item.priceFen(), (long) item.quantity()));
        }
        return total;
    }

    static OrderItem item(long id, long orderId, CreateOrderCommand.Item line) {
        OrderItem item = new OrderItem();
        item.setId(id);
        item.setOrderId(orderId);
        item.setItemType(line.itemType());
        item.setItemId(line.itemId());
        item.setName(line.name());
        item.setQuantity(line.quantity());
        item.setPriceFen(line.priceFen());
        return item;
    }

    private static void require(boolean condition, String detail) {
        if (!condition) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, detail);
        }
    }
}
