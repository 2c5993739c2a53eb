package io.tongbao.order.timeout;

import org.springframework.stereotype.Service;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

import io.tongbao.order.api.OrderStatus;
import io.tongbao.order.api.event.OrderTimeoutDue;
import io.tongbao.order.checkout.Order;
import io.tongbao.order.checkout.OrderClosing;
import io.tongbao.order.checkout.OrderMapper;

/** An order whose timer fired while still UNPAID is closed (see {@link OrderClosing}); any other is left alone. */
@Service
class OrderTimeouts {

    private final OrderMapper orders;
    private final OrderClosing closing;

    OrderTimeouts(OrderMapper orders, OrderClosing closing) {
        this.orders = orders;
        this.closing = closing;
    }

    void handle(OrderTimeoutDue due) {
        Order order = orders.selectOne(new LambdaQueryWrapper<Order>().eq(Order::getOrderNo, due.orderNo()));
        if (order != null && OrderStatus.UNPAID.name().equals(order.getStatus())) {
            closing.close(order, "timeout");
        }
    }
}
