package io.tongbao.payment.attempt;

import java.nio.charset.StandardCharsets;

import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.springframework.stereotype.Component;

import io.tongbao.common.messaging.Consumers;
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
class PaidOrderConsumer implements RocketMQListener<MessageExt> {

    static final String GROUP = "payment-service-order-events";
    private final AttemptCloser closer;
    private final JsonMapper json;

    PaidOrderConsumer(AttemptCloser closer, JsonMapper json) {
        this.closer = closer;
        this.json = json;
    }

    @Override
    public void onMessage(MessageExt message) {
        Consumers.run(GROUP, message, () -> closer.closeOpenAttempts(
                json.readValue(new String(message.getBody(), StandardCharsets.UTF_8), OrderEvent.class).orderNo()));
    }
}
