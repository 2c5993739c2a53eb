package io.tongbao.gateway.storefront;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notification stream through the gateway: a route of its own, ahead of the order-service route, that never
 * times out the response (the stream stays open; order-service sends a heartbeat) and tells any proxy in front not
 * to buffer. The gateway itself writes each event as it arrives (text/event-stream is flushed per element).
 */
@Configuration(proxyBeanMethods = false)
class NotificationStreamRoute {

    static final String PATH = "/api/order/notifications/stream";

    @Bean
    RouteLocator notificationStream(RouteLocatorBuilder routes) {
        return routes.routes()
                .route("order-service-notification-stream", r -> r.order(-1).path(PATH)
                        .filters(f -> f.setResponseHeader("X-Accel-Buffering", "no"))
                        .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1L)
                        .uri("lb://order-service"))
                .build();
    }
}
