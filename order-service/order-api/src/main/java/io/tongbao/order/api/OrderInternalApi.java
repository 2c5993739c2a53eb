package io.tongbao.order.api;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * order-service's orders, for other services only (the gateway never routes /internal/**). order-service
 * implements it; callers enable it with {@code @EnableFeignClients(clients = OrderInternalApi.class)}.
 */
@FeignClient(name = "order-service", contextId = "orderInternalApi")
public interface OrderInternalApi {

    /** Creates the order of a business record, or returns the one it already has. */
    @PostMapping("/internal/order/orders")
    OrderView createOrder(@RequestBody CreateOrderCommand command);

    /** Any order by number, whoever owns it (callers check ownership themselves). */
    @GetMapping("/internal/order/orders/{orderNo}")
    OrderView order(@PathVariable("orderNo") String orderNo);
}
