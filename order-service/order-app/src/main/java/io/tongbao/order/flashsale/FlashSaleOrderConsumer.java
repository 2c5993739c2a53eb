package io.tongbao.order.flashsale;

import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import io.tongbao.common.messaging.Consumers;
import io.tongbao.common.messaging.JsonEventListener;
import tools.jackson.databind.json.JsonMapper;

/** order-service's subscription to its own flash-sale-order messages: each QUEUED ticket becomes its order. */
@Component
@RocketMQMessageListener(topic = FlashSaleTicketQueued.TOPIC, consumerGroup = FlashSaleOrderConsumer.GROUP,
        maxReconsumeTimes = Consumers.MAX_RECONSUME_TIMES)
class FlashSaleOrderConsumer extends JsonEventListener<FlashSaleTicketQueued> {

    static final String GROUP = "order-service-flash-sale-order";

    private final FlashSaleOrders orders;

    FlashSaleOrderConsumer(FlashSaleOrders orders, JsonMapper json) {
        super(GROUP, FlashSaleTicketQueued.class, json);
        this.orders = orders;
    }

    @Override
    protected void handle(FlashSaleTicketQueued event) {
        orders.create(event.ticketId());
    }
}
