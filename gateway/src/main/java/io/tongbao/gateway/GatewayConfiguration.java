package io.tongbao.gateway;

import java.time.Clock;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.script.DefaultRedisScript;

import io.tongbao.common.identity.Caller;
import io.tongbao.gateway.security.JwtCodec;
import io.tongbao.gateway.security.JwtProperties;
import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    /**
     * The rate limiter's Lua script is read from the classpath: as a resource script, Spring Data Redis asks the jar
     * for its last-modified time on every call (a zip lookup per request, found in the gateway's profile). The
     * script never changes while the gateway runs, so its text is fixed once and its SHA computed once.
     */
    @Bean
    static BeanPostProcessor rateLimiterScriptReadOnce() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (RATE_LIMITER_SCRIPT.equals(name) && bean instanceof DefaultRedisScript<?> script) {
                    script.setScriptText(script.getScriptAsString());
                }
                return bean;
            }
        };
    }

    /** The name Spring Cloud Gateway gives its rate-limiter script bean. */
    static final String RATE_LIMITER_SCRIPT = "redisRequestRateLimiterScript";

    @Bean
    JwtCodec jwtCodec(JwtProperties properties) {
        return new JwtCodec(properties.secretBytes(), properties.clockSkew(), Clock.systemUTC());
    }

    /** Rate limits are per user; anonymous traffic (catalogs, notifies) is limited per client address. */
    @Bean
    KeyResolver userKeyResolver() {
        return exchange -> {
            String user = exchange.getRequest().getHeaders().getFirst(Caller.USER_ID_HEADER);
            if (user != null) {
                return Mono.just("user:" + user);
            }
            var remote = exchange.getRequest().getRemoteAddress();
            return Mono.just("ip:" + (remote == null ? "unknown" : remote.getAddress().getHostAddress()));
        };
    }
}
