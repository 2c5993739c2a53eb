package io.tongbao.order.notification;

import io.tongbao.common.money.Money;
import io.tongbao.order.api.BizType;
import io.tongbao.order.api.event.OrderEvent;

/** The words of each notification, from the order event alone. */
final class NotificationTexts {

    private NotificationTexts() {
    }

    static String type(OrderEvent event) {
        return "ORDER_" + event.type().name();
    }

    static String title(OrderEvent event) {
        return switch (event.type()) {
            case PAID -> "Payment received";
            case REFUNDED -> event.fullyRefunded() ? "Order refunded" : "Partial refund";
            case CLOSED -> "Order closed";
        };
    }

    static String body(OrderEvent event, String useCode) {
        String order = what(event.bizType()) + " " + event.orderNo();
        return switch (event.type()) {
            case PAID -> order + " is paid: ¥" + Money.toYuan(event.paidAmountFen()) + "."
                    + (useCode == null ? "" : " Your pickup code is " + useCode + ".");
            case REFUNDED -> "¥" + Money.toYuan(event.refundedAmountFen()) + " of ¥" + Money.toYuan(event.paidAmountFen())
                    + " has been refunded for " + order + ".";
            case CLOSED -> order + " was closed without payment.";
        };
    }

    private static String what(BizType bizType) {
        return switch (bizType) {
            case GOODS -> "Order";
            case COURSE -> "Course order";
            case COIN_RECHARGE -> "Coin recharge";
        };
    }
}
