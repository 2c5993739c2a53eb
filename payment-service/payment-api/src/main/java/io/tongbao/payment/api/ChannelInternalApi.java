package io.tongbao.payment.api;

import java.util.List;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;

/** payment-service's channels, for other services only (the gateway never routes /internal/**). */
@FeignClient(name = "payment-service", contextId = "paymentChannelApi")
public interface ChannelInternalApi {

    @GetMapping("/internal/payment/channels")
    List<ChannelView> channels();
}
