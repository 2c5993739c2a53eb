package io.tongbao.order.latepayment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.tongbao.order.api.OrderStatus;
import io.tongbao.order.checkout.Order;
import io.tongbao.order.checkout.OrderMapper;

/**
 * Announces the late payments kept before they were announced in the transaction that kept them (rows older than
 * this change). Each row is marked by compare-and-set in the transaction of its announcement, so two replicas
 * never announce one twice; payment-service refunds once per payment and order anyway. Usually it finds nothing:
 * one indexed query per round.
 */
@Component
class LatePaymentAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(LatePaymentAnnouncer.class);
    private static final int BATCH = 100;
    private final LatePayments latePayments;
    private final OrderMapper orders;
    private final TransactionTemplate tx;

    LatePaymentAnnouncer(LatePayments latePayments, OrderMapper orders, TransactionTemplate tx) {
        this.latePayments = latePayments;
        this.orders = orders;
        this.tx = tx;
    }

    @Scheduled(fixedDelayString = "${tongbao.order.late-payments.announce-interval:PT1M}",
            initialDelayString = "${tongbao.order.late-payments.announce-interval:PT1M}")
    void scheduled() {
        try {
            announcePending();
        } catch (RuntimeException e) {
            log.warn("Late payment announcement round failed: {}", e.toString());
        }
    }

    /** One round; returns how many rows this call announced. */
    int announcePending() {
        int announced = 0;
        for (LatePayments.Unannounced row : latePayments.unannounced(BATCH)) {
            if (Boolean.TRUE.equals(tx.execute(status -> announce(row)))) {
                announced++;
            }
        }
        if (announced > 0) {
            log.info("Announced {} late payments kept before announcing existed", announced);
        }
        return announced;
    }

    private boolean announce(LatePayments.Unannounced row) {
        Order order = orders.lockByOrderNo(row.orderNo());
        if (order == null || OrderStatus.UNPAID.name().equals(order.getStatus())
                || row.payNo().equals(order.getPayNo())) {
            // not a payment its order failed to apply: refunding it could refund the payment that paid the order
            log.error("Late payment {} of order {} ({}) is not refundable as kept: left for ops", row.payNo(),
                    row.orderNo(), order == null ? "no order" : order.getStatus());
            return false;
        }
        return latePayments.announceKept(row.payNo(), row.orderNo(), row.amountFen(), order.getStatus());
    }
}
