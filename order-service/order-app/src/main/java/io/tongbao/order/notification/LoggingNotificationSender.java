package io.tongbao.order.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The sender until a real channel is configured: logs that the user would be told (never the pickup code). */
@Component
class LoggingNotificationSender implements NotificationSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingNotificationSender.class);

    @Override
    public void send(Notification n) {
        log.info("Would tell user {}: {} for order {} (notification {}{})", n.userId(), n.type(), n.orderNo(), n.id(),
                n.useCode() == null ? "" : ", with a pickup code");
    }
}
