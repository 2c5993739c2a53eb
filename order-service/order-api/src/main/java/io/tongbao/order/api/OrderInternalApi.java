package io.tongbao.order.api;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * order-service's internal contract, for other services only (the gateway never routes /internal/**).
 * order-service implements it; callers enable it with {@code @EnableFeignClients(clients = OrderInternalApi.class)}.
 */
@FeignClient(name = "order-service", contextId = "orderInternalApi")
public interface OrderInternalApi {

    @GetMapping("/internal/order/products/{skuId}")
    ProductView product(@PathVariable("skuId") long skuId);
}
