package io.tongbao.gateway.storefront;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The storefront (API.md, "The storefront"): a few static files served at {@code /} and {@code /storefront/**},
 * which talk to the public API like any client. On in the local profile only ({@code tongbao.storefront.enabled}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tongbao.storefront.enabled", havingValue = "true")
class StorefrontConfiguration {

    static final String LOCATION = "storefront/";

    /** {@code sandboxUrl}: where the payment sandbox's cashier pages are (local stack), blank elsewhere. */
    @Bean
    RouterFunction<ServerResponse> storefront(@Value("${tongbao.storefront.sandbox-url:}") String sandboxUrl) {
        Resource index = new ClassPathResource(LOCATION + "index.html");
        return RouterFunctions.route(GET("/"), request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache()).bodyValue(index))
                .andRoute(GET("/storefront/config"), request -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("sandboxUrl", sandboxUrl)))
                .and(RouterFunctions.resources("/storefront/**", new ClassPathResource(LOCATION)));
    }
}
