package io.tongbao.sandbox.wechat.notify;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param retryIntervals gaps between deliveries after the first one: WeChat's 15s,15s,30s,3m,10m,20m,30m,30m,30m,60m,
 *                       3h,3h,3h,6h,6h, compressed
 * @param timeout        how long the merchant may take to answer one delivery (WeChat: 5 seconds)
 */
@ConfigurationProperties("sandbox.wechat.notify")
public record WechatNotifyProperties(List<Duration> retryIntervals, Duration timeout) {

    public WechatNotifyProperties {
        retryIntervals = retryIntervals == null ? List.of() : List.copyOf(retryIntervals);
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }
}
