package io.tongbao.order.api;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** order-service's goods catalog, for other services only (the gateway never routes /internal/**). */
@FeignClient(name = "order-service", contextId = "orderCatalogApi")
public interface CatalogInternalApi {

    @GetMapping("/internal/order/products/{skuId}")
    ProductView product(@PathVariable("skuId") long skuId);
}
