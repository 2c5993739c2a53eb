package io.tongbao.sandbox.alipay.notify;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param retryIntervals gaps between deliveries after the first one; Alipay's 4m,10m,10m,1h,2h,6h,15h compressed
 * @param timeout        how long one delivery may take before it counts as failed
 */
@ConfigurationProperties("sandbox.notify")
public record NotifyProperties(List<Duration> retryIntervals, Duration timeout) {

    public NotifyProperties {
        retryIntervals = retryIntervals == null ? List.of() : List.copyOf(retryIntervals);
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }
}
