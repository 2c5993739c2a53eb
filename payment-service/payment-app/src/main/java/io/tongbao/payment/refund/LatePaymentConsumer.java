package io.tongbao.payment.refund;

import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import io.tongbao.common.messaging.Consumers;
import io.tongbao.common.messaging.JsonEventListener;
import io.tongbao.order.api.event.LatePaymentKept;
import tools.jackson.databind.json.JsonMapper;

/**
 * A payment its order never applied (late: the order was closed; duplicate: another payment paid it) is refunded in
 * full, automatically and once (one refund per payment and order, whatever the redeliveries).
 */
@Component
@RocketMQMessageListener(topic = LatePaymentKept.TOPIC, consumerGroup = LatePaymentConsumer.GROUP,
        maxReconsumeTimes = Consumers.MAX_RECONSUME_TIMES)
class LatePaymentConsumer extends JsonEventListener<LatePaymentKept> {

    static final String GROUP = "payment-service-late-payment";
    private final RefundService refunds;

    LatePaymentConsumer(RefundService refunds, JsonMapper json) {
        super(GROUP, LatePaymentKept.class, json);
        this.refunds = refunds;
    }

    @Override
    protected void handle(LatePaymentKept kept) {
        if (!"LATE_PAYMENT".equals(kept.kind()) && !"DUPLICATE_PAYMENT".equals(kept.kind())) {
            throw new IllegalArgumentException("Unknown kind " + kept.kind());
        }
        refunds.refundUnapplied(kept.payNo(), kept.orderNo(), kept.kind());
    }
}
