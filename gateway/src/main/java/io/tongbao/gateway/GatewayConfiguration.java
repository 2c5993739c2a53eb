package io.tongbao.gateway;

import java.time.Clock;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.tongbao.common.identity.Caller;
import io.tongbao.gateway.security.JwtCodec;
import io.tongbao.gateway.security.JwtProperties;
import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

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
