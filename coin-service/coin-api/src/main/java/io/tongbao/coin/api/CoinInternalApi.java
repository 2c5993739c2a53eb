package io.tongbao.coin.api;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** coin-service's internal contract, for other services only (the gateway never routes /internal/**). */
@FeignClient(name = "coin-service", contextId = "coinInternalApi")
public interface CoinInternalApi {

    @GetMapping("/internal/coin/wallets/{userId}")
    WalletView wallet(@PathVariable("userId") long userId);
}
