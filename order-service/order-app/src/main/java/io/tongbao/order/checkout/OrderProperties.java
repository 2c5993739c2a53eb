package io.tongbao.order.checkout;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long an order may stay unpaid before it is closed (tests use seconds). */
@ConfigurationProperties("tongbao.order")
record OrderProperties(@DefaultValue("PT30M") Duration timeout, @DefaultValue("PT24H") Duration maxTimeout) {
}
