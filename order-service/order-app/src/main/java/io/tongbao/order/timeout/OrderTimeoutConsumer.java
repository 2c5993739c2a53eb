package io.tongbao.order.timeout;

import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import io.tongbao.common.messaging.Consumers;
import io.tongbao.common.messaging.JsonEventListener;
import io.tongbao.order.api.event.OrderTimeoutDue;
import tools.jackson.databind.json.JsonMapper;

/** order-service's subscription to its own order-timeout timer messages. */
@Component
@RocketMQMessageListener(topic = OrderTimeoutDue.TOPIC, consumerGroup = OrderTimeoutConsumer.GROUP,
        maxReconsumeTimes = Consumers.MAX_RECONSUME_TIMES)
class OrderTimeoutConsumer extends JsonEventListener<OrderTimeoutDue> {

    static final String GROUP = "order-service-order-timeout";

    private final OrderTimeouts timeouts;

    OrderTimeoutConsumer(OrderTimeouts timeouts, JsonMapper json) {
        super(GROUP, OrderTimeoutDue.class, json);
        this.timeouts = timeouts;
    }

    @Override
    protected void handle(OrderTimeoutDue event) {
        timeouts.handle(event);
    }
}
