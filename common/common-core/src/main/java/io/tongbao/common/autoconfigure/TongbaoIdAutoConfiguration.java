package io.tongbao.common.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.tongbao.common.id.IdGenerator;
import io.tongbao.common.id.RedisWorkerIdLease;

/** An id generator whose worker id is leased from Redis, unique across the replicas of a service. */
@AutoConfiguration(afterName = "org.redisson.spring.starter.RedissonAutoConfigurationV4")
@ConditionalOnClass(RedissonClient.class)
public class TongbaoIdAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnBean(RedissonClient.class)
    @ConditionalOnMissingBean
    RedisWorkerIdLease workerIdLease(RedissonClient redisson, @Value("${spring.application.name}") String service,
            @Value("${tongbao.id.lease-ttl:PT30S}") Duration ttl) {
        return new RedisWorkerIdLease(redisson, service, ttl);
    }

    @Bean
    @ConditionalOnBean(RedisWorkerIdLease.class)
    @ConditionalOnMissingBean
    IdGenerator idGenerator(RedisWorkerIdLease lease) {
        return new IdGenerator(lease, Clock.systemUTC());
    }
}
