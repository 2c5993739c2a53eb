package io.tongbao.order.timeout;

import java.nio.charset.StandardCharsets;

import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.springframework.stereotype.Component;

import io.tongbao.common.messaging.Consumers;
import io.tongbao.order.api.event.OrderTimeoutDue;
import tools.jackson.databind.json.JsonMapper;

/** order-service's subscription to its own order-timeout timer messages. */
@Component
@RocketMQMessageListener(topic = OrderTimeoutDue.TOPIC, consumerGroup = OrderTimeoutConsumer.GROUP,
        maxReconsumeTimes = Consumers.MAX_RECONSUME_TIMES)
class OrderTimeoutConsumer implements RocketMQListener<MessageExt> {

    static final String GROUP = "order-service-order-timeout";
    private final OrderTimeouts timeouts;
    private final JsonMapper json;

    OrderTimeoutConsumer(OrderTimeouts timeouts, JsonMapper json) {
        this.timeouts = timeouts;
        this.json = json;
    }

    @Override
    public void onMessage(MessageExt message) {
        Consumers.run(GROUP, message, () -> timeouts.handle(
                json.readValue(new String(message.getBody(), StandardCharsets.UTF_8), OrderTimeoutDue.class)));
    }
}
