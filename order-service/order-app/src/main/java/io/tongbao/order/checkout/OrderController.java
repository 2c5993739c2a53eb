package io.tongbao.order.checkout;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;
import io.tongbao.common.identity.Caller;
import io.tongbao.common.web.Page;
import io.tongbao.order.api.CreateOrderCommand;
import io.tongbao.order.api.OrderInternalApi;
import io.tongbao.order.api.OrderStatus;
import io.tongbao.order.api.OrderView;

/** The caller's own orders (create goods, read, list, cancel), and the internal create/fetch other services use. */
@RestController
class OrderController implements OrderInternalApi {

    static final int MAX_PAGE_SIZE = 100;
    private final OrderService service;
    private final OrderClosing closing;

    OrderController(OrderService service, OrderClosing closing) {
        this.service = service;
        this.closing = closing;
    }

    record CreateGoodsOrder(List<OrderCommands.GoodsLine> items) {
    }

    /** A GOODS order from the caller's cart: priced by us, its stock reserved (409 OUT_OF_STOCK otherwise). */
    @PostMapping("/api/order/orders")
    @ResponseStatus(HttpStatus.CREATED)
    OrderView createGoods(@RequestBody CreateGoodsOrder request, Caller caller) {
        Order order = service.createGoods(caller.userId(), OrderCommands.goodsLines(request == null ? null : request.items()));
        return OrderViews.of(order, service.itemsOf(order));
    }

    /** Another user's order answers exactly like a missing one. */
    @GetMapping("/api/order/orders/{orderNo}")
    OrderView myOrder(@PathVariable("orderNo") String orderNo, Caller caller) {
        Order order = mine(orderNo, caller);
        return OrderViews.of(order, service.itemsOf(order));
    }

    @GetMapping("/api/order/orders")
    Page<OrderView> myOrders(Caller caller, @RequestParam(name = "status", required = false) OrderStatus status,
            @RequestParam(name = "page", defaultValue = "1") int page,
            @RequestParam(name = "size", defaultValue = "20") int size) {
        if (page < 1 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "page must be >= 1 and size 1.." + MAX_PAGE_SIZE);
        }
        Page<Order> orders = service.listOf(caller.userId(), status, page, size);
        Map<Long, List<OrderItem>> items = service.itemsOf(orders.items());
        return new Page<>(orders.items().stream().map(o -> OrderViews.of(o, items.getOrDefault(o.getId(), List.of())))
                .toList(), page, size, orders.total());
    }

    /** UNPAID → CLOSED for the owner (stock released, open attempts closed); 409 from any other state. */
    @PostMapping("/api/order/orders/{orderNo}/cancel")
    OrderView cancel(@PathVariable("orderNo") String orderNo, Caller caller) {
        Order order = mine(orderNo, caller);
        requireUnpaid(order);
        OrderClosing.Result result = closing.close(order, "cancelled by its owner");
        if (result == OrderClosing.Result.PAID_AT_PROVIDER) {
            throw ApiException.conflict("ORDER_PAID", "Order " + orderNo + " was paid; the payment is being recorded");
        }
        Order now = service.find(orderNo);
        requireClosed(now);
        return OrderViews.of(now, service.itemsOf(now));
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

    private Order mine(String orderNo, Caller caller) {
        Order order = service.find(orderNo);
        if (order == null || order.getUserId() != caller.userId()) {
            throw notFound(orderNo);
        }
        return order;
    }

    private static void requireUnpaid(Order order) {
        if (OrderStatus.CLOSED.name().equals(order.getStatus())) {
            throw ApiException.conflict("ORDER_CLOSED", "Order " + order.getOrderNo() + " is already closed");
        }
        if (!OrderStatus.UNPAID.name().equals(order.getStatus())) {
            throw ApiException.conflict("ORDER_PAID", "Order " + order.getOrderNo() + " is paid and cannot be cancelled");
        }
    }

    /** After a close that raced with a payment or a timeout: CLOSED is what the caller asked for; paid is a 409. */
    private static void requireClosed(Order order) {
        if (!OrderStatus.CLOSED.name().equals(order.getStatus())) {
            requireUnpaid(order);
            throw ApiException.conflict("ORDER_PAID", "Order " + order.getOrderNo() + " is being paid");
        }
    }

    private static ApiException notFound(String orderNo) {
        return ApiException.notFound("ORDER_NOT_FOUND", "No order " + orderNo);
    }
}
