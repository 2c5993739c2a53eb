package io.tongbao.payment.reconciliation;

import java.time.Instant;
import java.util.Map;

/**
 * Our side of one channel's day: the attempts and refunds that the bill names or that succeeded within the day,
 * by payNo and refund number, and which of them succeeded within the day.
 */
record Books(Map<String, Payment> payments, Map<String, Refund> refunds, Instant from, Instant until) {

    /** A pay_attempt row as reconciliation sees it. */
    record Payment(String payNo, String status, long amountFen, Instant paidAt) {

        boolean succeededWithin(Instant from, Instant until) {
            return "SUCCESS".equals(status) && paidAt != null && !paidAt.isBefore(from) && paidAt.isBefore(until);
        }
    }

    /** A refund row as reconciliation sees it. */
    record Refund(String refundNo, String payNo, String status, long amountFen, Instant succeededAt) {

        boolean succeededWithin(Instant from, Instant until) {
            return "SUCCESS".equals(status) && succeededAt != null && !succeededAt.isBefore(from)
                    && succeededAt.isBefore(until);
        }
    }
}
