package io.tongbao.order.checkout;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.tongbao.common.money.Money;
import io.tongbao.order.api.BizType;
import io.tongbao.order.api.OrderStatus;
import io.tongbao.order.api.OrderView;

/** Turns rows into the Order of API.md. */
final class OrderViews {

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private OrderViews() {
    }

    static OrderView of(Order order, List<OrderItem> items) {
        return new OrderView(order.getOrderNo(), order.getUserId(), BizType.valueOf(order.getBizType()),
                order.getBizId(), OrderStatus.valueOf(order.getStatus()), Money.toYuan(order.getAmountFen()),
                order.getCurrency(), Money.toYuan(order.getPaidAmountFen()), Money.toYuan(order.getRefundedAmountFen()),
                time(order.getCreatedAt()), time(order.getExpireAt()), time(order.getPaidAt()),
                items.stream().map(i -> new OrderView.Item(i.getItemType(), i.getItemId(), i.getName(), i.getQuantity(),
                        Money.toYuan(i.getPriceFen()))).toList(), order.getPayNo());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(CHINA);
    }
}
