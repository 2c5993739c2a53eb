package io.tongbao.learning.choose;

import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import io.tongbao.common.messaging.Consumers;
import io.tongbao.common.messaging.JsonEventListener;
import io.tongbao.order.api.event.OrderEvent;
import tools.jackson.databind.json.JsonMapper;

/** learning-service's subscription to order-events (PAID, CLOSED and REFUNDED). */
@Component
@RocketMQMessageListener(topic = OrderEvent.TOPIC, consumerGroup = Enrolments.GROUP,
        selectorExpression = "PAID || CLOSED || REFUNDED", maxReconsumeTimes = Consumers.MAX_RECONSUME_TIMES)
class OrderEventsConsumer extends JsonEventListener<OrderEvent> {

    private final Enrolments enrolments;

    OrderEventsConsumer(Enrolments enrolments, JsonMapper json) {
        super(Enrolments.GROUP, OrderEvent.class, json);
        this.enrolments = enrolments;
    }

    @Override
    protected void handle(OrderEvent event) {
        enrolments.apply(event);
    }
}
