package io.tongbao.order.timeout;

import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

import io.tongbao.common.messaging.Outbox;
import io.tongbao.order.api.BizType;
import io.tongbao.order.api.OrderStatus;
import io.tongbao.order.api.event.OrderEvent;
import io.tongbao.order.api.event.OrderTimeoutDue;
import io.tongbao.order.checkout.Order;
import io.tongbao.order.checkout.OrderMapper;
import io.tongbao.payment.api.CloseOutcome;
import io.tongbao.payment.api.PaymentInternalApi;

/**
 * An order whose timer fired while still UNPAID: every open attempt is closed at its provider first. If the
 * provider says one was paid, the order is left alone and its success arrives through payment-success; otherwise
 * UNPAID → CLOSED by compare-and-set, with the CLOSED event through the outbox.
 */
@Service
class OrderTimeouts {

    private static final Logger log = LoggerFactory.getLogger(OrderTimeouts.class);
    private final OrderMapper orders;
    private final PaymentInternalApi payments;
    private final Outbox outbox;
    private final TransactionTemplate tx;

    OrderTimeouts(OrderMapper orders, PaymentInternalApi payments, Outbox outbox, TransactionTemplate tx) {
        this.orders = orders;
        this.payments = payments;
        this.outbox = outbox;
        this.tx = tx;
    }

    void handle(OrderTimeoutDue due) {
        Order order = find(due.orderNo());
        if (order == null || !OrderStatus.UNPAID.name().equals(order.getStatus())) {
            return;
        }
        CloseOutcome outcome = payments.closeOpenAttempts(order.getOrderNo());
        if (outcome.paid()) {
            log.info("Order {} timed out but was paid at the provider: left to its payment", order.getOrderNo());
            return;
        }
        tx.executeWithoutResult(status -> {
            if (orders.updateUnpaidToClosed(order.getOrderNo(), Instant.now()) == 1) {
                outbox.enqueue(OrderEvent.TOPIC, OrderEvent.Type.CLOSED.name(), order.getOrderNo(), closed(order));
                log.info("Order {} closed by its timeout ({} attempts closed)", order.getOrderNo(),
                        outcome.closedPayNos().size());
            }
        });
    }

    private Order find(String orderNo) {
        return orders.selectOne(new LambdaQueryWrapper<Order>().eq(Order::getOrderNo, orderNo));
    }

    private static OrderEvent closed(Order order) {
        return new OrderEvent(UUID.randomUUID().toString(), Instant.now(), OrderEvent.Type.CLOSED, order.getOrderNo(),
                order.getUserId(), BizType.valueOf(order.getBizType()), order.getBizId(), order.getAmountFen(), 0, null);
    }
}
