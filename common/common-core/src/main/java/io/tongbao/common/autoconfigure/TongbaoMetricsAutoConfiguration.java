package io.tongbao.common.autoconfigure;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.micrometer.core.instrument.MeterRegistry;
import io.tongbao.common.messaging.ConsumerMetrics;
import io.tongbao.common.messaging.OutboxMetrics;
import io.tongbao.common.metrics.GaugeRefresher;

/**
 * Tongbao's own metrics (prefix {@code tongbao_}): the refresher of database-backed gauges, consumer failures and
 * dead letters, and the outbox backlog wherever the outbox is on. deploy/observability/README.md lists them all.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class TongbaoMetricsAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class GaugeRefresherConfiguration {

        @Bean
        GaugeRefresher gaugeRefresher(MeterRegistry registry) {
            return new GaugeRefresher(registry);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.rocketmq.common.message.MessageExt")
    static class ConsumerMetricsConfiguration {

        @Bean
        ConsumerMetrics consumerMetrics(MeterRegistry registry) {
            return new ConsumerMetrics(registry);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcTemplate.class)
    @ConditionalOnProperty(name = "tongbao.outbox.enabled", havingValue = "true")
    static class OutboxMetricsConfiguration {

        @Bean
        OutboxMetrics outboxMetrics(MeterRegistry registry, GaugeRefresher refresher, JdbcTemplate jdbc) {
            return new OutboxMetrics(registry, refresher, jdbc, Clock.systemUTC());
        }
    }
}
