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

    @Test
    void mergesGoodsLinesPerSkuInSkuOrder() {
        assertThat(OrderCommands.goodsLines(List.of(new OrderCommands.GoodsLine("10002", 1),
                new OrderCommands.GoodsLine("10001", 2), new OrderCommands.GoodsLine("10002", 3))))
                .containsExactly(java.util.Map.entry(10001L, 2), java.util.Map.entry(10002L, 4));
    }

    @Test
    void refusesBadGoodsLines() {
        for (List<OrderCommands.GoodsLine> bad : List.of(List.<OrderCommands.GoodsLine>of(),
                List.of(new OrderCommands.GoodsLine("10001", 0)), List.of(new OrderCommands.GoodsLine("10001", -1)),
                List.of(new OrderCommands.GoodsLine("10001", 1000)), List.of(new OrderCommands.GoodsLine("x1", 1)),
                List.of(new OrderCommands.GoodsLine(null, 1)), List.of(new OrderCommands.GoodsLine("10001", null)),
                List.of(new OrderCommands.GoodsLine("10001", 999), new OrderCommands.GoodsLine("10001", 1)),
                java.util.Collections.nCopies(OrderCommands.MAX_LINES + 1, new OrderCommands.GoodsLine("10001", 1)))) {
            assertThatThrownBy(() -> OrderCommands.goodsLines(bad)).as(bad.toString()).isInstanceOf(ApiException.class)
                    .extracting(e -> ((ApiException) e).code()).isEqualTo("VALIDATION_FAILED");
        }
    }
}
