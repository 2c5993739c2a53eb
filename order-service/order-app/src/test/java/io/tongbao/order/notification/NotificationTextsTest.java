package io.tongbao.order.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.tongbao.order.api.BizType;
import io.tongbao.order.api.event.OrderEvent;

class NotificationTextsTest {

    @Test
    void aPaidGoodsOrderNamesTheAmountAndThePickupCode() {
        OrderEvent paid = event(OrderEvent.Type.PAID, BizType.GOODS, 1250, 0);
        assertThat(NotificationTexts.type(paid)).isEqualTo("ORDER_PAID");
        assertThat(NotificationTexts.title(paid)).isEqualTo("Payment received");
        assertThat(NotificationTexts.body(paid, "012345")).isEqualTo("Order O1 is paid: ¥12.50. Your pickup code is 012345.");
        assertThat(NotificationTexts.body(event(OrderEvent.Type.PAID, BizType.COIN_RECHARGE, 600, 0), null))
                .isEqualTo("Coin recharge O1 is paid: ¥6.00.");
    }

    @Test
    void aRefundSaysHowMuchOfWhatWasPaidAndWhetherItIsAll() {
        OrderEvent partial = event(OrderEvent.Type.REFUNDED, BizType.COURSE, 1000, 300);
        assertThat(NotificationTexts.type(partial)).isEqualTo("ORDER_REFUNDED");
        assertThat(NotificationTexts.title(partial)).isEqualTo("Partial refund");
        assertThat(NotificationTexts.body(partial, null)).isEqualTo("¥3.00 of ¥10.00 has been refunded for Course order O1.");
        assertThat(NotificationTexts.title(event(OrderEvent.Type.REFUNDED, BizType.COURSE, 1000, 1000))).isEqualTo("Order refunded");
    }

    @Test
    void aCloseSaysItWasNotPaid() {
        OrderEvent closed = event(OrderEvent.Type.CLOSED, BizType.GOODS, 0, 0);
        assertThat(NotificationTexts.type(closed)).isEqualTo("ORDER_CLOSED");
        assertThat(NotificationTexts.body(closed, null)).isEqualTo("Order O1 was closed without payment.");
    }

    private static OrderEvent event(OrderEvent.Type type, BizType bizType, long paidFen, long refundedFen) {
        return new OrderEvent("e1", Instant.now(), type, "O1", 1001, bizType, "b1", Math.max(paidFen, 1), paidFen,
                type == OrderEvent.Type.CLOSED ? null : "P1", refundedFen);
    }
}
