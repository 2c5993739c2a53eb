package io.tongbao.order.checkout;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.tongbao.common.settings.RefreshableSettings;

/**
 * tongbao.order: how long an order may stay unpaid before it is closed (tests use seconds), and the longest a caller
 * may ask for. Both may change while running (the Nacos data id): each new order reads them; an order already
 * created keeps its expiry.
 */
record OrderProperties(@DefaultValue("PT30M") Duration timeout, @DefaultValue("PT24H") Duration maxTimeout) {

    OrderProperties {
        // a typo in the data id must not close every new order at once
        if (timeout.isNegative() || timeout.isZero() || maxTimeout.isNegative() || maxTimeout.isZero()) {
            throw new IllegalArgumentException("tongbao.order.timeout and max-timeout must be positive");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Binding {

        @Bean
        RefreshableSettings<OrderProperties> orderProperties(Environment environment) {
            return new RefreshableSettings<>(environment, "tongbao.order", OrderProperties.class);
        }
    }
}
