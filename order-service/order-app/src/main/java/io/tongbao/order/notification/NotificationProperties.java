package io.tongbao.order.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The notification stream: a comment line every {@code heartbeat} keeps idle connections (and proxies) open; a
 * stream ends after {@code streamTimeout}, and the browser reconnects with Last-Event-ID.
 */
@ConfigurationProperties("tongbao.notifications")
record NotificationProperties(@DefaultValue("PT15S") Duration heartbeat, @DefaultValue("PT30M") Duration streamTimeout) {
}
