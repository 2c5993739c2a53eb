package io.tongbao.order.checkout;

import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.tongbao.common.messaging.Outbox;
import io.tongbao.order.api.BizType;
import io.tongbao.order.api.event.OrderEvent;
import io.tongbao.order.inventory.Inventory;
import io.tongbao.payment.api.CloseOutcome;
import io.tongbao.payment.api.PaymentInternalApi;

/**
 * Closes an UNPAID order, for its timeout or its owner's cancel. Every open attempt is closed at its provider
 * first: if the provider says one was paid, the order is left alone and its success arrives through
 * payment-success. Otherwise UNPAID → CLOSED by compare-and-set and, in the same transaction, the GOODS stock
 * reservation is released and the CLOSED event goes into the outbox: exactly once, whoever wins the race.
 */
@Service
public class OrderClosing {

    /** What a close did. */
    public enum Result {
        /** This call closed the order. */
        CLOSED,
        /** The order was no longer UNPAID (paid, or closed by someone else): nothing changed. */
        NOT_UNPAID,
        /** An attempt was paid at the provider: the order stays UNPAID until its payment is recorded. */
        PAID_AT_PROVIDER
    }

    private static final Logger log = LoggerFactory.getLogger(OrderClosing.class);
    private final OrderMapper orders;
    private final PaymentInternalApi payments;
    private final Inventory inventory;
    private final Outbox outbox;
    private final TransactionTemplate tx;

    OrderClosing(OrderMapper orders, PaymentInternalApi payments, Inventory inventory, Outbox outbox,
            TransactionTemplate tx) {
        this.orders = orders;
        this.payments = payments;
        this.inventory = inventory;
        this.outbox = outbox;
        this.tx = tx;
    }

    public Result close(Order order, String reason) {
        CloseOutcome outcome = payments.closeOpenAttempts(order.getOrderNo());
        if (outcome.paid()) {
            log.info("Order {} ({}) was paid at the provider: left to its payment", order.getOrderNo(), reason);
            return Result.PAID_AT_PROVIDER;
        }
        return tx.execute(status -> {
            if (orders.updateUnpaidToClosed(order.getOrderNo(), Instant.now()) != 1) {
                return Result.NOT_UNPAID;
            }
            int released = BizType.GOODS.name().equals(order.getBizType()) ? inventory.release(order.getId()) : 0;
            outbox.enqueue(OrderEvent.TOPIC, OrderEvent.Type.CLOSED.name(), order.getOrderNo(), closed(order));
            log.info("Order {} closed ({}): {} attempts closed, {} stock lines released", order.getOrderNo(), reason,
                    outcome.closedPayNos().size(), released);
            return Result.CLOSED;
        });
    }

    private static OrderEvent closed(Order order) {
        return new OrderEvent(UUID.randomUUID().toString(), Instant.now(), OrderEvent.Type.CLOSED, order.getOrderNo(),
                order.getUserId(), BizType.valueOf(order.getBizType()), order.getBizId(), order.getAmountFen(), 0, null,
                0);
    }
}
