package io.tongbao.payment.attempt;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.tongbao.common.settings.RefreshableSettings;

/**
 * tongbao.payment settings that may change while running (the Nacos data id), read per use: how long a new attempt
 * lives, and how old a PENDING attempt must be before the compensation job queries it. The job's interval
 * (tongbao.payment.compensation.interval) is not here: the scheduler reads it once, so it needs a restart.
 */
record PaymentSettings(@DefaultValue("PT30M") Duration attemptTtl, @DefaultValue Compensation compensation) {

    PaymentSettings {
        requirePositive(attemptTtl, "tongbao.payment.attempt-ttl");
    }

    record Compensation(@DefaultValue("PT2M") Duration olderThan) {

        Compensation {
            requirePositive(olderThan, "tongbao.payment.compensation.older-than");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Binding {

        @Bean
        RefreshableSettings<PaymentSettings> paymentSettings(Environment environment) {
            return new RefreshableSettings<>(environment, "tongbao.payment", PaymentSettings.class);
        }
    }
}
