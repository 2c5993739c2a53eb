package io.tongbao.order.latepayment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.tongbao.common.id.IdGenerator;
import io.tongbao.common.messaging.Outbox;
import io.tongbao.order.api.OrderStatus;
import io.tongbao.order.api.event.LatePaymentKept;

/**
 * The late_payment table: payments their order did not apply, kept TO_REFUND until payment-service has refunded
 * them (→ REFUNDED). Keeping one announces it on topic late-payment in the same transaction, so that it is refunded
 * once, automatically; the order itself never changes for it.
 */
@Component
public class LatePayments {

    /** The refund kinds of a kept payment, as payment-service and refund-success name them. */
    public static final String LATE_PAYMENT = "LATE_PAYMENT";
    public static final String DUPLICATE_PAYMENT = "DUPLICATE_PAYMENT";

    private static final Logger log = LoggerFactory.getLogger(LatePayments.class);
    private final JdbcTemplate jdbc;
    private final IdGenerator ids;
    private final Outbox outbox;

    LatePayments(JdbcTemplate jdbc, IdGenerator ids, Outbox outbox) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.outbox = outbox;
    }

    /**
     * Keeps a payment that its order, now in {@code orderStatus} (read with a lock, after the payment's UNPAID → PAID
     * failed), did not apply, and announces it: once per (payNo, orderNo), whatever the redeliveries.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void keep(String payNo, String orderNo, long amountFen, String orderStatus) {
        String kind = kindFor(orderStatus);
        int kept = jdbc.update("""
                INSERT IGNORE INTO late_payment (id, pay_no, order_no, amount_fen, order_status, status, announced)
                VALUES (?, ?, ?, ?, ?, 'TO_REFUND', TRUE)""", ids.nextId(), payNo, orderNo, amountFen, orderStatus);
        if (kept == 1) {
            announce(payNo, orderNo, amountFen, kind);
            log.warn("{} {} for order {} in state {}: kept for refund", kind, payNo, orderNo, orderStatus);
        }
    }

    /** TO_REFUND → REFUNDED once its refund succeeded; false when it was not TO_REFUND (or not kept at all). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean settle(String payNo, String orderNo) {
        return jdbc.update("UPDATE late_payment SET status = 'REFUNDED' WHERE pay_no = ? AND order_no = ? "
                + "AND status = 'TO_REFUND'", payNo, orderNo) == 1;
    }

    /** A kept payment not announced yet. */
    record Unannounced(String payNo, String orderNo, long amountFen) {
    }

    /** Up to {@code limit} TO_REFUND rows not announced yet, oldest first (kept before announcing existed). */
    List<Unannounced> unannounced(int limit) {
        return jdbc.query("SELECT pay_no, order_no, amount_fen FROM late_payment WHERE status = 'TO_REFUND' "
                + "AND announced = FALSE ORDER BY id LIMIT ?",
                (rs, i) -> new Unannounced(rs.getString(1), rs.getString(2), rs.getLong(3)), limit);
    }

    /** Announces a row kept before announcing existed: once, by whichever caller marks it first. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean announceKept(String payNo, String orderNo, long amountFen, String orderStatus) {
        if (jdbc.update("UPDATE late_payment SET announced = TRUE WHERE pay_no = ? AND order_no = ? "
                + "AND status = 'TO_REFUND' AND announced = FALSE", payNo, orderNo) != 1) {
            return false;
        }
        announce(payNo, orderNo, amountFen, kindFor(orderStatus));
        return true;
    }

    private void announce(String payNo, String orderNo, long amountFen, String kind) {
        outbox.enqueue(LatePaymentKept.TOPIC, kind, payNo,
                new LatePaymentKept(UUID.randomUUID().toString(), Instant.now(), payNo, orderNo, amountFen, kind));
    }

    /** CLOSED: the payment came after the timeout; paid (in any state since): another payment had paid the order. */
    static String kindFor(String orderStatus) {
        return switch (OrderStatus.valueOf(orderStatus)) {
            case CLOSED -> LATE_PAYMENT;
            case PAID, PARTIALLY_REFUNDED, REFUNDED -> DUPLICATE_PAYMENT;
            case UNPAID -> throw new IllegalStateException("An UNPAID order can still apply its payment");
        };
    }
}
