package io.tongbao.order.refund;

import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tongbao.common.messaging.Inbox;
import io.tongbao.common.messaging.Outbox;
import io.tongbao.order.api.BizType;
import io.tongbao.order.api.event.OrderEvent;
import io.tongbao.order.checkout.Order;
import io.tongbao.order.checkout.OrderMapper;
import io.tongbao.order.latepayment.LatePayments;
import io.tongbao.payment.api.event.RefundSucceeded;

/**
 * Applies a refund that succeeded at its provider, once per event and once per refund number, in one transaction.
 * REQUESTED: PAID | PARTIALLY_REFUNDED → PARTIALLY_REFUNDED | REFUNDED by one guarded update that never refunds
 * beyond the paid amount, and the REFUNDED order event (with the refunded total) through the outbox, which drives
 * the reversals downstream. LATE_PAYMENT / DUPLICATE_PAYMENT: the kept late payment is settled; the order keeps its
 * status. A refund that changes nothing is recorded and logged, never retried: the money has already left.
 */
@Service
class RefundApplier {

    static final String GROUP = "order-service-refund-success";
    static final String REQUESTED = "REQUESTED";
    private static final Logger log = LoggerFactory.getLogger(RefundApplier.class);

    /** What a delivery did. */
    enum Outcome {
        APPLIED, NOT_APPLIED, ALREADY_APPLIED
    }

    private final OrderMapper orders;
    private final OrderRefundMapper refunds;
    private final LatePayments latePayments;
    private final Inbox inbox;
    private final Outbox outbox;

    RefundApplier(OrderMapper orders, OrderRefundMapper refunds, LatePayments latePayments, Inbox inbox,
            Outbox outbox) {
        this.orders = orders;
        this.refunds = refunds;
        this.latePayments = latePayments;
        this.inbox = inbox;
        this.outbox = outbox;
    }

    @Transactional
    public Outcome apply(RefundSucceeded refund) {
        if (!inbox.firstDelivery(GROUP, refund.eventId()) || refunds.countByRefundNo(refund.refundNo()) > 0) {
            return Outcome.ALREADY_APPLIED;
        }
        boolean applied = switch (refund.kind()) {
            case REQUESTED -> refundOrder(refund);
            case LatePayments.LATE_PAYMENT, LatePayments.DUPLICATE_PAYMENT -> settleLatePayment(refund);
            default -> throw new IllegalArgumentException("Unknown refund kind " + refund.kind());
        };
        // two events of one refund racing: the second insert fails, and with it the second transaction
        refunds.insert(refund, applied ? "APPLIED" : "NOT_APPLIED");
        return applied ? Outcome.APPLIED : Outcome.NOT_APPLIED;
    }

    private boolean refundOrder(RefundSucceeded refund) {
        if (orders.updatePaidToRefunded(refund.orderNo(), refund.payNo(), refund.amountFen()) != 1) {
            Order order = orders.lockByOrderNo(refund.orderNo());
            log.error("Refund {} of {} fen (payment {}) not applied to order {}: {}", refund.refundNo(),
                    refund.amountFen(), refund.payNo(), refund.orderNo(), order == null ? "no such order"
                            : order.getStatus() + ", refunded " + order.getRefundedAmountFen() + " of "
                                    + order.getPaidAmountFen() + " fen paid by " + order.getPayNo());
            return false;
        }
        Order order = orders.lockByOrderNo(refund.orderNo());
        outbox.enqueue(OrderEvent.TOPIC, OrderEvent.Type.REFUNDED.name(), order.getOrderNo(), refundedEvent(order));
        log.info("Order {} {} by refund {}: {} of {} fen refunded", order.getOrderNo(), order.getStatus(),
                refund.refundNo(), order.getRefundedAmountFen(), order.getPaidAmountFen());
        return true;
    }

    private boolean settleLatePayment(RefundSucceeded refund) {
        if (!latePayments.settle(refund.payNo(), refund.orderNo())) {
            log.warn("Refund {} ({}) found no late payment {} of order {} to settle", refund.refundNo(), refund.kind(),
                    refund.payNo(), refund.orderNo());
            return false;
        }
        log.info("Late payment {} of order {} refunded ({}, refund {})", refund.payNo(), refund.orderNo(),
                refund.kind(), refund.refundNo());
        return true;
    }

    private static OrderEvent refundedEvent(Order order) {
        return new OrderEvent(UUID.randomUUID().toString(), Instant.now(), OrderEvent.Type.REFUNDED,
                order.getOrderNo(), order.getUserId(), BizType.valueOf(order.getBizType()), order.getBizId(),
                order.getAmountFen(), order.getPaidAmountFen(), order.getPayNo(), order.getRefundedAmountFen());
    }
}
