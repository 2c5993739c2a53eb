package io.tongbao.order.checkout;

import java.util.Set;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;
import io.tongbao.order.api.CreateOrderCommand;

/** Checks and sums a create command: pure logic, no Spring. */
final class OrderCommands {

    static final int MAX_QUANTITY = 999;
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
