package io.tongbao.order.payment;

import java.nio.charset.StandardCharsets;

import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.springframework.stereotype.Component;

import io.tongbao.common.messaging.Consumers;
import io.tongbao.payment.api.event.PaymentSucceeded;
import tools.jackson.databind.json.JsonMapper;

/** order-service's subscription to payment-success. */
@Component
@RocketMQMessageListener(topic = PaymentSucceeded.TOPIC, consumerGroup = PaymentApplier.GROUP,
        maxReconsumeTimes = Consumers.MAX_RECONSUME_TIMES)
class PaymentSuccessConsumer implements RocketMQListener<MessageExt> {

    private final PaymentApplier applier;
    private final JsonMapper json;

    PaymentSuccessConsumer(PaymentApplier applier, JsonMapper json) {
        this.applier = applier;
        this.json = json;
    }

    @Override
    public void onMessage(MessageExt message) {
        Consumers.run(PaymentApplier.GROUP, message, () -> applier.apply(
                json.readValue(new String(message.getBody(), StandardCharsets.UTF_8), PaymentSucceeded.class)));
    }
}
