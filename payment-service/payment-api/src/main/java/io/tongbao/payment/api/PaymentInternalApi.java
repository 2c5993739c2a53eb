package io.tongbao.payment.api;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** payment-service's attempts, for other services only (the gateway never routes /internal/**). */
@FeignClient(name = "payment-service", contextId = "paymentInternalApi")
public interface PaymentInternalApi {

    /** Closes every open attempt of an order at its provider (order-service calls it when the order times out). */
    @PostMapping("/internal/payment/orders/{orderNo}/close-attempts")
    CloseOutcome closeOpenAttempts(@PathVariable("orderNo") String orderNo);
}
