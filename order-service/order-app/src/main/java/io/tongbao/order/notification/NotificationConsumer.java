package io.tongbao.order.notification;

import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import io.tongbao.common.messaging.Consumers;
import io.tongbao.common.messaging.JsonEventListener;
import io.tongbao.order.api.event.OrderEvent;
import tools.jackson.databind.json.JsonMapper;

/** order-service's own subscription to order-events: every PAID, REFUNDED and CLOSED becomes a notification. */
@Component
@RocketMQMessageListener(topic = OrderEvent.TOPIC, consumerGroup = Notifications.GROUP,
        maxReconsumeTimes = Consumers.MAX_RECONSUME_TIMES)
class NotificationConsumer extends JsonEventListener<OrderEvent> {

    private final Notifications notifications;

    NotificationConsumer(Notifications notifications, JsonMapper json) {
        super(Notifications.GROUP, OrderEvent.class, json);
        this.notifications = notifications;
    }

    @Override
    protected void handle(OrderEvent event) {
        notifications.record(event);
    }
}
