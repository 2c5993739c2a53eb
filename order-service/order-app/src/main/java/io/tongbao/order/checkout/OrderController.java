package io.tongbao.order.checkout;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.identity.Caller;
import io.tongbao.order.api.CreateOrderCommand;
import io.tongbao.order.api.OrderInternalApi;
import io.tongbao.order.api.OrderView;

/** The caller's own orders, and the internal create/fetch other services use. */
@RestController
class OrderController implements OrderInternalApi {

    private final OrderService service;

    OrderController(OrderService service) {
        this.service = service;
    }

    /** Another user's order answers exactly like a missing one. */
    @GetMapping("/api/order/orders/{orderNo}")
    OrderView myOrder(@PathVariable("orderNo") String orderNo, Caller caller) {
        Order order = service.find(orderNo);
        if (order == null || order.getUserId() != caller.userId()) {
            throw notFound(orderNo);
        }
        return OrderViews.of(order, service.itemsOf(order));
    }

    @Override
    public OrderView createOrder(CreateOrderCommand command) {
        Order order = service.createOrGet(command);
        return OrderViews.of(order, service.itemsOf(order));
    }

    @Override
    public OrderView order(String orderNo) {
        Order order = service.find(orderNo);
        if (order == null) {
            throw notFound(orderNo);
        }
        return OrderViews.of(order, service.itemsOf(order));
    }

    private static ApiException notFound(String orderNo) {
        return ApiException.notFound("ORDER_NOT_FOUND", "No order " + orderNo);
    }
}
