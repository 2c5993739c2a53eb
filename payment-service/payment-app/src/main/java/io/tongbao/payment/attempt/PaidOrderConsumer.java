package io.tongbao.payment.attempt;

import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import io.tongbao.common.messaging.Consumers;
import io.tongbao.common.messaging.JsonEventListener;
import io.tongbao.order.api.event.OrderEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Once an order is PAID, its other open attempts are closed at the provider, so that an old QR code cannot take
 * the money a second time. Closing is idempotent; a sibling that was paid after all goes the success path and
 * order-service keeps it as a late payment to refund.
 */
@Component
@RocketMQMessageListener(topic = OrderEvent.TOPIC, consumerGroup = PaidOrderConsumer.GROUP, selectorExpression = "PAID",
        maxReconsumeTimes = Consumers.MAX_RECONSUME_TIMES)
class PaidOrderConsumer extends JsonEventListener<OrderEvent> {

    static final String GROUP = "payment-service-order-events";

    private final AttemptCloser closer;

    PaidOrderConsumer(AttemptCloser closer, JsonMapper json) {
        super(GROUP, OrderEvent.class, json);
        this.closer = closer;
    }

    @Override
    protected void handle(OrderEvent event) {
        closer.closeOpenAttempts(event.orderNo());
    }
}
