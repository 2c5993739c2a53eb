package io.tongbao.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tongbao.common.error.ApiException;
import io.tongbao.order.api.BizType;
import io.tongbao.order.api.CreateOrderCommand;
import io.tongbao.order.api.CreateOrderCommand.Item;

class OrderCommandsTest {

    private static CreateOrderCommand command(List<Item> items) {
        return new CreateOrderCommand(1001, BizType.GOODS, "cart-1", items, null);
    }

    @Test
    void sumsQuantityTimesUnitPriceInFen() {
        CreateOrderCommand c = command(List.of(new Item("SKU", 10001, "notebook", 2, 1250),
                new Item("SKU", 10002, "brush", 1, 8800)));
        OrderCommands.validate(c);
        assertThat(OrderCommands.amountFen(c)).isEqualTo(2 * 1250 + 8800);
    }

    @Test
    void refusesAnAmountThatWouldOverflow() {
        CreateOrderCommand c = command(List.of(new Item("SKU", 1, "a", 999, Long.MAX_VALUE / 2)));
        assertThatThrownBy(() -> OrderCommands.amountFen(c)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void refusesEmptyOrAbsurdItems() {
        assertInvalid(command(List.of()));
        assertInvalid(command(List.of(new Item("SKU", 1, "a", 0, 100))));
        assertInvalid(command(List.of(new Item("SKU", 1, "a", 1000, 100))));
        assertInvalid(command(List.of(new Item("SKU", 1, "a", 1, 0))));
        assertInvalid(command(List.of(new Item("GIFT", 1, "a", 1, 100))));
        assertInvalid(new CreateOrderCommand(1001, BizType.GOODS, "bad id!", List.of(new Item("SKU", 1, "a", 1, 100)), null));
        assertInvalid(new CreateOrderCommand(0, BizType.GOODS, "cart-1", List.of(new Item("SKU", 1, "a", 1, 100)), null));
        assertInvalid(new CreateOrderCommand(1, BizType.GOODS, "cart-1", List.of(new Item("SKU", 1, "a", 1, 100)), 0L));
    }

    private static void assertInvalid(CreateOrderCommand command) {
        assertThatThrownBy(() -> OrderCommands.validate(command)).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code()).isEqualTo("VALIDATION_FAILED");
    }
}
