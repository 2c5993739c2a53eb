package io.tongbao.common.autoconfigure;

import java.time.Duration;

import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import io.tongbao.common.idempotency.IdempotencyFilter;
import io.tongbao.common.idempotency.IdempotencyStore;
import tools.jackson.databind.json.JsonMapper;

/** Idempotency-Key on every servlet service's create endpoints, stored in Redis (see API.md). */
@AutoConfiguration(afterName = "org.redisson.spring.starter.RedissonAutoConfigurationV4")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RedissonClient.class)
@ConditionalOnProperty(name = "tongbao.idempotency.enabled", matchIfMissing = true)
public class TongbaoIdempotencyAutoConfiguration {

    @Bean
    @ConditionalOnBean(RedissonClient.class)
    IdempotencyStore idempotencyStore(RedissonClient redisson, JsonMapper json,
            @Value("${spring.application.name}") String service,
            @Value("${tongbao.idempotency.lease:PT60S}") Duration lease,
            @Value("${tongbao.idempotency.retention:PT24H}") Duration retention) {
        return new IdempotencyStore(redisson, json, service, lease, retention);
    }

    /** Right after the request id filter, before anything reads the body. */
    @Bean
    @ConditionalOnBean(IdempotencyStore.class)
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, JsonMapper json,
            @Value("${tongbao.idempotency.wait:PT10S}") Duration wait) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, json, wait));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
