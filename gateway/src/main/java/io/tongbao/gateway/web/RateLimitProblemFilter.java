package io.tongbao.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.tongbao.common.error.ErrorCodes;
import reactor.core.publisher.Mono;

/**
 * The rate limiter answers 429 with an empty body; clients get the same problem shape as for every other error,
 * with code RATE_LIMITED (its X-RateLimit-* headers stay).
 */
@Component
public class RateLimitProblemFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                if (HttpStatus.TOO_MANY_REQUESTS.equals(getStatusCode()) && !isCommitted()) {
                    return ProblemWriter.write(exchange.mutate().response(getDelegate()).build(),
                            HttpStatus.TOO_MANY_REQUESTS, ErrorCodes.RATE_LIMITED,
                            "Too many requests; retry in a moment");
                }
                return super.setComplete();
            }
        };
        return chain.filter(exchange.mutate().response(response).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
