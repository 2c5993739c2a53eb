package io.tongbao.order.inventory;

import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.tongbao.common.messaging.Consumers;
import io.tongbao.common.messaging.Inbox;
import io.tongbao.common.messaging.JsonEventListener;
import io.tongbao.order.api.event.StockDeduction;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inventory's subscription to stock-deduction: a paid order's reserved units become sold. Idempotent twice
 * over: the inbox row per event id, and the reservation rows that leave RESERVED only once.
 */
@Component
@RocketMQMessageListener(topic = StockDeduction.TOPIC, selectorExpression = StockDeduction.TAG,
        consumerGroup = StockDeductionConsumer.GROUP, maxReconsumeTimes = Consumers.MAX_RECONSUME_TIMES)
class StockDeductionConsumer extends JsonEventListener<StockDeduction> {

    static final String GROUP = "order-service-stock-deduction";

    private final Inventory inventory;
    private final Inbox inbox;
    private final TransactionTemplate tx;

    StockDeductionConsumer(Inventory inventory, Inbox inbox, TransactionTemplate tx, JsonMapper json) {
        super(GROUP, StockDeduction.class, json);
        this.inventory = inventory;
        this.inbox = inbox;
        this.tx = tx;
    }

    @Override
    protected void handle(StockDeduction event) {
        tx.executeWithoutResult(status -> {
            if (inbox.firstDelivery(GROUP, event.eventId())) {
                inventory.deduct(event.orderId());
            }
        });
    }
}
