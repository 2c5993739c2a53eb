package io.tongbao.gateway.web;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import io.tongbao.common.error.ErrorCodes;
import io.tongbao.common.error.Problems;
import reactor.core.publisher.Mono;

/**
 * A route whose service cannot be reached (connection refused or timed out, unknown host, or no instance from the
 * load balancer) is answered 503 SERVICE_UNAVAILABLE with Retry-After, in the problem shape, instead of Spring's
 * default 500 body. The request never got to the service, so a retry is safe; nothing retries it here. Failures
 * after the request was sent (the service died mid-answer, a response timeout) are left as they were.
 * <p>
 * A global filter, around every other filter of the route: an error that leaves the route's chain is rendered by
 * WebFlux's own problem handler first (the load balancer's "no instance" would name the service), before any
 * WebFilter could see it.
 */
@Component
public class ServiceUnavailableFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableFilter.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorResume(
                failure -> unreachable(failure) && !exchange.getResponse().isCommitted(),
                failure -> {
                    log.warn("{} {}: route {} not reachable: {}", exchange.getRequest().getMethod(),
                            exchange.getRequest().getPath().value(), routeOf(exchange), failure.toString());
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                            Long.toString(Problems.RETRY_AFTER_SECONDS));
                    return ProblemWriter.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                            ErrorCodes.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE_DETAIL);
                });
    }

    /** The connection to the service was never made, so the request was never sent. */
    static boolean unreachable(Throwable failure) {
        if (failure instanceof NotFoundException notFound) {
            // no instance: 503 unless the route asked for 404 (use404), which stays as it is
            return notFound.getStatusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value();
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // Netty's connect timeout and its annotated "Connection refused" are ConnectExceptions too
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static String routeOf(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? "-" : route.getId();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
