package io.tongbao.gateway.web;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.tongbao.common.identity.Caller;
import reactor.core.publisher.Mono;

/**
 * The flash-sale buy endpoint has its own, stricter limit per user, on top of the limit every route has: a token
 * bucket in Redis (the gateway's own rate-limiter script) of {@code tongbao.gateway.flash-sale-buy.rate} tokens a
 * second, holding at most {@code burst}, each buy taking {@code tokens-per-buy} (1; more makes rates below one buy a
 * second possible). Past it the request never reaches order-service: 429 RATE_LIMITED, with
 * the X-RateLimit-* headers. The limiter is private to this filter (not a bean), so the route limits configured in
 * application.yml stay as they are.
 */
@Component
public class FlashSaleBuyRateLimitFilter implements GlobalFilter, Ordered {

    static final String LIMITER_ID = "flash-sale-buy";
    private static final PathPattern BUY = PathPatternParser.defaultInstance.parse("/api/order/flash-sales/{saleId}/buy");

    private final RedisRateLimiter limiter;

    FlashSaleBuyRateLimitFilter(ReactiveStringRedisTemplate redis, RedisScript<List<Long>> redisRequestRateLimiterScript,
            ConfigurationService configuration, @Value("${tongbao.gateway.flash-sale-buy.rate}") int rate,
            @Value("${tongbao.gateway.flash-sale-buy.burst}") int burst,
            @Value("${tongbao.gateway.flash-sale-buy.tokens-per-buy:1}") int tokensPerBuy) {
        this.limiter = new RedisRateLimiter(redis, redisRequestRateLimiterScript, configuration);
        limiter.getConfig().put(LIMITER_ID, new RedisRateLimiter.Config().setReplenishRate(rate)
                .setBurstCapacity(burst).setRequestedTokens(tokensPerBuy));
    }

    static boolean isBuy(HttpMethod method, PathContainer path) {
        return HttpMethod.POST.equals(method) && BUY.matches(path);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        var request = exchange.getRequest();
        if (!isBuy(request.getMethod(), request.getPath().pathWithinApplication())) {
            return chain.filter(exchange);
        }
        String user = request.getHeaders().getFirst(Caller.USER_ID_HEADER);
        String key = user != null ? "user:" + user : "ip:" + (request.getRemoteAddress() == null ? "unknown"
                : request.getRemoteAddress().getAddress().getHostAddress());
        return limiter.isAllowed(LIMITER_ID, key).flatMap(answer -> {
            answer.getHeaders().forEach((name, value) -> exchange.getResponse().getHeaders().set(name, value));
            if (answer.isAllowed()) {
                return chain.filter(exchange);
            }
            exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
            return exchange.getResponse().setComplete();
        });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
