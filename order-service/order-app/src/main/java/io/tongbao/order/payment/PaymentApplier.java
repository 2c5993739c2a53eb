package io.tongbao.order.payment;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

import io.tongbao.common.messaging.Inbox;
import io.tongbao.common.messaging.Outbox;
import io.tongbao.order.api.BizType;
import io.tongbao.order.api.event.OrderEvent;
import io.tongbao.order.api.event.StockDeduction;
import io.tongbao.order.checkout.Order;
import io.tongbao.order.checkout.OrderMapper;
import io.tongbao.order.inventory.Inventory;
import io.tongbao.order.latepayment.LatePayments;
import io.tongbao.payment.api.event.PaymentSucceeded;

/**
 * Applies a recorded payment to its orders: UNPAID → PAID with a compare-and-set, and the PAID event through the
 * outbox (and, for GOODS, the stock-deduction of its reservation), in one transaction. A redelivery changes nothing.
 * A success for an order that is no longer UNPAID (closed by its timeout, or paid by another payment) is kept as a
 * late payment and announced for refund ({@link LatePayments}): never lost, never applied twice.
 */
@Service
class PaymentApplier {

    static final String GROUP = "order-service-payment-success";

    private final OrderMapper orders;
    private final Inbox inbox;
    private final Outbox outbox;
    private final Inventory inventory;
    private final LatePayments latePayments;

    PaymentApplier(OrderMapper orders, Inbox inbox, Outbox outbox, Inventory inventory, LatePayments latePayments) {
        this.orders = orders;
        this.inbox = inbox;
        this.outbox = outbox;
        this.inventory = inventory;
        this.latePayments = latePayments;
    }

    @Transactional
    public void apply(PaymentSucceeded payment) {
        if (!inbox.firstDelivery(GROUP, payment.eventId())) {
            return;
        }
        for (PaymentSucceeded.PaidOrder paid : payment.orders()) {
            Order order = orders.selectOne(new LambdaQueryWrapper<Order>().eq(Order::getOrderNo, paid.orderNo()));
            if (order == null || order.getAmountFen() != paid.amountFen()) {
                throw new IllegalStateException("Payment " + payment.payNo() + " does not match order " + paid.orderNo());
            }
            if (orders.updateUnpaidToPaid(order.getOrderNo(), paid.amountFen(), payment.paidAt(), payment.payNo()) == 1) {
                outbox.enqueue(OrderEvent.TOPIC, OrderEvent.Type.PAID.name(), order.getOrderNo(), paidEvent(order, paid, payment));
                if (BizType.GOODS.name().equals(order.getBizType())) {
                    outbox.enqueue(StockDeduction.TOPIC, StockDeduction.TAG, order.getOrderNo(), deduction(order));
                }
            } else {
                keepIfNotApplied(payment, paid);
            }
        }
    }

    /**
     * The order is no longer UNPAID: read it as committed now (the order read above may predate a close or another
     * payment) and keep the payment for refund unless it is the very payment that paid the order.
     */
    private void keepIfNotApplied(PaymentSucceeded payment, PaymentSucceeded.PaidOrder paid) {
        Order current = orders.lockByOrderNo(paid.orderNo());
        if (!payment.payNo().equals(current.getPayNo())) {
            latePayments.keep(payment.payNo(), paid.orderNo(), paid.amountFen(), current.getStatus());
        }
    }

    private StockDeduction deduction(Order order) {
        return new StockDeduction(UUID.randomUUID().toString(), Instant.now(), order.getOrderNo(), order.getId(),
                inventory.reservationOf(order.getId()).stream()
                        .map(line -> new StockDeduction.Line(line.skuId(), line.quantity())).toList());
    }

    private static OrderEvent paidEvent(Order order, PaymentSucceeded.PaidOrder paid, PaymentSucceeded payment) {
        return new OrderEvent(UUID.randomUUID().toString(), Instant.now(), OrderEvent.Type.PAID, order.getOrderNo(),
                order.getUserId(), BizType.valueOf(order.getBizType()), order.getBizId(), order.getAmountFen(),
                paid.amountFen(), payment.payNo(), 0);
    }
}
