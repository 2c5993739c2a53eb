package io.tongbao.common.autoconfigure;

import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import feign.RequestInterceptor;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.tongbao.common.tracing.MicrometerTracing;
import io.tongbao.common.tracing.QuietObservations;
import io.tongbao.common.tracing.Tracing;
import io.tongbao.common.tracing.TracingRequestInterceptor;

/**
 * Tracing glue on top of Boot's Micrometer Tracing: the {@link Tracing} the outbox, the relay and the listeners use,
 * the W3C headers on every Feign call, and no spans for actuator scrapes or the frequent scheduled rounds.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration"})
public class TongbaoTracingAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({Tracer.class, Propagator.class})
    static class MicrometerTracingConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean({Tracer.class, Propagator.class})
        Tracing tongbaoTracing(Tracer tracer, Propagator propagator) {
            return new MicrometerTracing(tracer, propagator);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ObservationPredicate.class)
    static class QuietObservationsConfiguration {

        @Bean
        ObservationPredicate tongbaoQuietObservations() {
            return new QuietObservations(Set.of("io.tongbao.common.messaging.OutboxRelay",
                    "io.tongbao.common.metrics.GaugeRefresher"));
        }
    }

    /** Static, in a class that depends on no Feign client, like the Seata interceptor (MIDDLEWARE.md). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "feign.RequestInterceptor")
    static class FeignConfiguration {

        @Bean
        static RequestInterceptor tracingRequestInterceptor(ObjectProvider<Tracing> tracing) {
            return new TracingRequestInterceptor(tracing);
        }
    }
}
