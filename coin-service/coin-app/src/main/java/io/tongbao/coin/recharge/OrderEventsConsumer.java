package io.tongbao.coin.recharge;

import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import io.tongbao.common.messaging.Consumers;
import io.tongbao.common.messaging.JsonEventListener;
import io.tongbao.order.api.event.OrderEvent;
import tools.jackson.databind.json.JsonMapper;

/** coin-service's subscription to order-events (PAID, CLOSED and REFUNDED). */
@Component
@RocketMQMessageListener(topic = OrderEvent.TOPIC, consumerGroup = RechargeCredits.GROUP,
        selectorExpression = "PAID || CLOSED || REFUNDED", maxReconsumeTimes = Consumers.MAX_RECONSUME_TIMES)
class OrderEventsConsumer extends JsonEventListener<OrderEvent> {

    private final RechargeCredits credits;

    OrderEventsConsumer(RechargeCredits credits, JsonMapper json) {
        super(RechargeCredits.GROUP, OrderEvent.class, json);
        this.credits = credits;
    }

    @Override
    protected void handle(OrderEvent event) {
        credits.apply(event);
    }
}
