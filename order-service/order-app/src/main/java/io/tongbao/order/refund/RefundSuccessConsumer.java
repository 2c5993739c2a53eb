package io.tongbao.order.refund;

import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import io.tongbao.common.messaging.Consumers;
import io.tongbao.common.messaging.JsonEventListener;
import io.tongbao.payment.api.event.RefundSucceeded;
import tools.jackson.databind.json.JsonMapper;

/** order-service's subscription to refund-success. */
@Component
@RocketMQMessageListener(topic = RefundSucceeded.TOPIC, consumerGroup = RefundApplier.GROUP,
        maxReconsumeTimes = Consumers.MAX_RECONSUME_TIMES)
class RefundSuccessConsumer extends JsonEventListener<RefundSucceeded> {

    private final RefundApplier applier;

    RefundSuccessConsumer(RefundApplier applier, JsonMapper json) {
        super(RefundApplier.GROUP, RefundSucceeded.class, json);
        this.applier = applier;
    }

    @Override
    protected void handle(RefundSucceeded event) {
        applier.apply(event);
    }
}
