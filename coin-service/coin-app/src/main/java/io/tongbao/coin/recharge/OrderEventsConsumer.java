package io.tongbao.coin.recharge;

import java.nio.charset.StandardCharsets;

import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.springframework.stereotype.Component;

import io.tongbao.common.messaging.Consumers;
import io.tongbao.order.api.event.OrderEvent;
import tools.jackson.databind.json.JsonMapper;

/** coin-service's subscription to order-events (PAID and CLOSED). */
@Component
@RocketMQMessageListener(topic = OrderEvent.TOPIC, consumerGroup = RechargeCredits.GROUP, selectorExpression = "PAID || CLOSED",
        maxReconsumeTimes = Consumers.MAX_RECONSUME_TIMES)
class OrderEventsConsumer implements RocketMQListener<MessageExt> {

    private final RechargeCredits credits;
    private final JsonMapper json;

    OrderEventsConsumer(RechargeCredits credits, JsonMapper json) {
        this.credits = credits;
        this.json = json;
    }

    @Override
    public void onMessage(MessageExt message) {
        Consumers.run(RechargeCredits.GROUP, message, () -> credits.apply(
                json.readValue(new String(message.getBody(), StandardCharsets.UTF_8), OrderEvent.class)));
    }
}
