package io.tongbao.order.payment;

import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import io.tongbao.common.messaging.Consumers;
import io.tongbao.common.messaging.JsonEventListener;
import io.tongbao.payment.api.event.PaymentSucceeded;
import tools.jackson.databind.json.JsonMapper;

/** order-service's subscription to payment-success. */
@Component
@RocketMQMessageListener(topic = PaymentSucceeded.TOPIC, consumerGroup = PaymentApplier.GROUP,
        maxReconsumeTimes = Consumers.MAX_RECONSUME_TIMES)
class PaymentSuccessConsumer extends JsonEventListener<PaymentSucceeded> {

    private final PaymentApplier applier;

    PaymentSuccessConsumer(PaymentApplier applier, JsonMapper json) {
        super(PaymentApplier.GROUP, PaymentSucceeded.class, json);
        this.applier = applier;
    }

    @Override
    protected void handle(PaymentSucceeded event) {
        applier.apply(event);
    }
}
