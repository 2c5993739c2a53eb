package io.tongbao.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Gives every request an id (the client's, when it is well formed), passes it downstream in X-Request-Id,
 * echoes it to the client, and writes one access-log line with it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter implements WebFilter {

    static final String HEADER = "X-Request-Id";
    private static final Logger access = LoggerFactory.getLogger("tongbao.gateway.access");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = incoming != null && SAFE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        ServerWebExchange withId = exchange.mutate()
                .request(r -> r.headers(h -> h.set(HEADER, id)))
                .build();
        String traceId = TraceIds.of(exchange);
        // Set just before commit: a routed response also carries the service's echo, which this replaces.
        withId.getResponse().beforeCommit(() -> {
            withId.getResponse().getHeaders().set(HEADER, id);
            if (traceId != null) {
                withId.getResponse().getHeaders().set(TraceIds.HEADER, traceId);
            }
            return Mono.empty();
        });
        long start = System.nanoTime();
        return chain.filter(withId).doFinally(signal -> access.info("{} {} {} {}ms requestId={} traceId={}",
                exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                withId.getResponse().getStatusCode() == null ? "-" : withId.getResponse().getStatusCode().value(),
                (System.nanoTime() - start) / 1_000_000, id, traceId == null ? "-" : traceId));
    }
}
