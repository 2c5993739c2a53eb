package io.tongbao.localstack.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The invariants of the design (ARCHITECTURE.md, "Invariants"), checked across the four services' schemas of a
 * running suite. Each check names its invariant and lists what breaks it; the audit reads and never writes.
 */
public final class InvariantsAudit {

    private static final String PAID = "('PAID', 'PARTIALLY_REFUNDED', 'REFUNDED')";
    private final Databases db;

    public InvariantsAudit(Databases db) {
        this.db = db;
    }

    /** One invariant and what breaks it (empty when it holds). */
    public record Check(String name, String invariant, List<String> violations) {

        public boolean holds() {
            return violations.isEmpty();
        }
    }

    /** Every check, in a fixed order. */
    public List<Check> run() {
        return List.of(onePaymentAppliedPerOrder(), paymentsEqualPaidOrders(), walletsEqualTheirLedgers(),
                ledgerEntriesUnique(), rechargesCreditedOnce(), coursesEnrolledOnce(), goodsDeductedOnce(),
                noOrderClosedAndPaid(), refundsAgree());
    }

    Check onePaymentAppliedPerOrder() {
        Set<String> applied = new HashSet<>();
        db.rows("order", "SELECT order_no, pay_no FROM orders WHERE pay_no IS NOT NULL")
                .forEach(r -> applied.add(r.get("pay_no") + "/" + r.get("order_no")));
        Set<String> successes = new HashSet<>();
        db.rows("payment", "SELECT o.pay_no, o.order_no FROM pay_attempt a JOIN pay_attempt_order o "
                + "ON o.pay_no = a.pay_no WHERE a.status = 'SUCCESS'")
                .forEach(r -> successes.add(r.get("pay_no") + "/" + r.get("order_no")));
        Set<String> refunding = new HashSet<>();
        db.rows("payment", "SELECT pay_no, order_no FROM refund WHERE kind IN ('LATE_PAYMENT', 'DUPLICATE_PAYMENT') "
                + "AND status <> 'FAILED'").forEach(r -> refunding.add(r.get("pay_no") + "/" + r.get("order_no")));
        db.rows("order", "SELECT pay_no, order_no FROM late_payment")
                .forEach(r -> refunding.add(r.get("pay_no") + "/" + r.get("order_no")));
        List<String> off = new ArrayList<>();
        new TreeSet<>(successes).stream().filter(s -> !applied.contains(s) && !refunding.contains(s))
                .forEach(s -> off.add("payment/order " + s + " succeeded but is neither applied nor refunded"));
        new TreeSet<>(applied).stream().filter(a -> !successes.contains(a))
                .forEach(a -> off.add("payment/order " + a + " is applied but is not a successful payment"));
        return new Check("ONE_PAYMENT_APPLIED_PER_ORDER", "Each order has at most one successful payment applied; "
                + "a second success for the same order is refunded.", off);
    }

    Check paymentsEqualPaidOrders() {
        Map<String, String> dayOfPayment = new HashMap<>();
        Map<String, Long> payments = new TreeMap<>();
        db.rows("payment", "SELECT o.pay_no, o.order_no, o.amount_fen, DATE_FORMAT(CONVERT_TZ(a.paid_at, '+00:00', "
                + "'+08:00'), '%Y-%m-%d') AS day FROM pay_attempt a JOIN pay_attempt_order o ON o.pay_no = a.pay_no "
                + "WHERE a.status = 'SUCCESS'").forEach(r -> {
                    String day = String.valueOf(r.get("day"));
                    dayOfPayment.put(r.get("pay_no") + "/" + r.get("order_no"), day);
                    payments.merge(day, (Long) r.get("amount_fen"), Long::sum);
                });
        db.rows("payment", "SELECT pay_no, order_no, SUM(amount_fen) AS fen FROM refund WHERE status = 'SUCCESS' "
                + "GROUP BY pay_no, order_no").forEach(r -> payments.merge(
                        dayOfPayment.getOrDefault(r.get("pay_no") + "/" + r.get("order_no"), "unknown day"),
                        -(Long) r.get("fen"), Long::sum));
        Map<String, Long> orders = new TreeMap<>();
        db.rows("order", "SELECT order_no, pay_no, paid_amount_fen - refunded_amount_fen AS fen FROM orders "
                + "WHERE pay_no IS NOT NULL").forEach(r -> orders.merge(
                        dayOfPayment.getOrDefault(r.get("pay_no") + "/" + r.get("order_no"), "unknown day"),
                        (Long) r.get("fen"), Long::sum));
        List<String> off = new ArrayList<>();
        Set<String> days = new TreeSet<>(payments.keySet());
        days.addAll(orders.keySet());
        for (String day : days) {
            long paid = payments.getOrDefault(day, 0L);
            long ordered = orders.getOrDefault(day, 0L);
            if (paid != ordered) {
                off.add(day + ": payments minus refunds " + paid + " fen, paid orders minus refunds " + ordered + " fen");
            }
        }
        long totalPaid = payments.values().stream().mapToLong(Long::longValue).sum();
        long totalOrdered = orders.values().stream().mapToLong(Long::longValue).sum();
        if (totalPaid != totalOrdered) {
            off.add("in total: payments minus refunds " + totalPaid + " fen, paid orders minus refunds "
                    + totalOrdered + " fen");
        }
        return new Check("PAYMENTS_EQUAL_PAID_ORDERS", "The sum of successful attempts minus refunds equals the sum "
                + "of paid orders minus refunds, per day and in total.", off);
    }

    Check walletsEqualTheirLedgers() {
        List<String> off = new ArrayList<>();
        db.rows("coin", "SELECT w.user_id, w.balance, COALESCE(SUM(l.coins), 0) AS ledger FROM wallet w "
                + "LEFT JOIN coin_ledger l ON l.user_id = w.user_id GROUP BY w.user_id, w.balance "
                + "HAVING w.balance <> COALESCE(SUM(l.coins), 0) OR w.balance < 0")
                .forEach(r -> off.add("wallet of user " + r.get("user_id") + ": balance " + r.get("balance")
                        + ", ledger " + r.get("ledger")));
        return new Check("WALLET_EQUALS_LEDGER", "A wallet balance equals the sum of its ledger entries and is "
                + "never negative.", off);
    }

    Check ledgerEntriesUnique() {
        List<String> off = new ArrayList<>();
        db.rows("coin", "SELECT biz_type, biz_id, COUNT(*) AS entries FROM coin_ledger GROUP BY biz_type, biz_id "
                + "HAVING COUNT(*) > 1").forEach(r -> off.add(r.get("biz_type") + " " + r.get("biz_id") + ": "
                        + r.get("entries") + " ledger entries"));
        return new Check("LEDGER_ENTRY_UNIQUE", "A ledger entry is unique per (business type, business id).", off);
    }

    Check rechargesCreditedOnce() {
        Map<String, Long> credits = new HashMap<>();
        db.rows("coin", "SELECT biz_id, COUNT(*) AS credits FROM coin_ledger WHERE biz_type = 'COIN_RECHARGE' "
                + "AND type = 'CREDIT' GROUP BY biz_id").forEach(r -> credits.put((String) r.get("biz_id"),
                        (Long) r.get("credits")));
        List<String> off = new ArrayList<>();
        db.rows("order", "SELECT order_no, biz_id FROM orders WHERE biz_type = 'COIN_RECHARGE' AND status IN "
                + PAID + " ORDER BY order_no").forEach(r -> {
                    long count = credits.getOrDefault((String) r.get("biz_id"), 0L);
                    if (count != 1) {
                        off.add("order " + r.get("order_no") + " (recharge " + r.get("biz_id") + "): " + count
                                + " credits");
                    }
                });
        return new Check("RECHARGE_CREDITED_ONCE", "Every PAID COIN_RECHARGE order has exactly one credit.", off);
    }

    Check coursesEnrolledOnce() {
        Map<String, String> enrolment = new HashMap<>();
        db.rows("learning", "SELECT c.id, c.status, COUNT(m.id) AS enrolments FROM choose_course c "
                + "LEFT JOIN my_course m ON m.choose_id = c.id GROUP BY c.id, c.status")
                .forEach(r -> enrolment.put(String.valueOf(r.get("id")), r.get("status") + " with "
                        + r.get("enrolments") + " enrolment(s)"));
        List<String> off = new ArrayList<>();
        // a fully refunded course is revoked, so only orders still (partly) paid must be enrolled
        db.rows("order", "SELECT order_no, biz_id FROM orders WHERE biz_type = 'COURSE' AND status IN "
                + "('PAID', 'PARTIALLY_REFUNDED') ORDER BY order_no").forEach(r -> {
                    String state = enrolment.getOrDefault((String) r.get("biz_id"), "missing");
                    if (!"ENROLLED with 1 enrolment(s)".equals(state)) {
                        off.add("order " + r.get("order_no") + " (choice " + r.get("biz_id") + "): " + state);
                    }
                });
        return new Check("COURSE_ENROLLED_ONCE", "Every PAID COURSE order has exactly one enrolment.", off);
    }

    Check goodsDeductedOnce() {
        List<String> off = new ArrayList<>();
        db.rows("order", "SELECT o.order_no, o.status, r.sku_id, r.status AS reservation FROM orders o "
                + "JOIN stock_reservation r ON r.order_id = o.id WHERE o.biz_type = 'GOODS' AND ((o.status IN "
                + "('PAID', 'PARTIALLY_REFUNDED') AND r.status <> 'DEDUCTED') OR (o.status IN ('UNPAID', 'CLOSED') "
                + "AND r.status = 'DEDUCTED')) ORDER BY o.order_no")
                .forEach(r -> off.add("order " + r.get("order_no") + " " + r.get("status") + ": stock of SKU "
                        + r.get("sku_id") + " " + r.get("reservation")));
        return new Check("GOODS_STOCK_DEDUCTED_ONCE", "Every PAID GOODS order has its stock deducted exactly once.",
                off);
    }

    Check noOrderClosedAndPaid() {
        List<String> off = new ArrayList<>();
        db.rows("order", "SELECT order_no FROM orders WHERE status = 'CLOSED' AND (pay_no IS NOT NULL "
                + "OR paid_at IS NOT NULL OR paid_amount_fen > 0) ORDER BY order_no")
                .forEach(r -> off.add("order " + r.get("order_no") + " is CLOSED and was paid"));
        return new Check("NO_ORDER_CLOSED_AND_PAID", "No order is both CLOSED and PAID.", off);
    }

    Check refundsAgree() {
        Map<String, Long> refunded = new HashMap<>();
        db.rows("payment", "SELECT order_no, SUM(amount_fen) AS fen FROM refund WHERE kind = 'REQUESTED' "
                + "AND status = 'SUCCESS' GROUP BY order_no").forEach(r -> refunded.put((String) r.get("order_no"),
                        (Long) r.get("fen")));
        List<String> off = new ArrayList<>();
        db.rows("order", "SELECT order_no, paid_amount_fen, refunded_amount_fen FROM orders ORDER BY order_no")
                .forEach(o -> {
                    long ours = (Long) o.get("refunded_amount_fen");
                    long providers = refunded.getOrDefault((String) o.get("order_no"), 0L);
                    if (ours != providers || ours > (Long) o.get("paid_amount_fen")) {
                        off.add("order " + o.get("order_no") + ": refunded " + ours + " fen, refunds that succeeded "
                                + providers + " fen, paid " + o.get("paid_amount_fen") + " fen");
                    }
                });
        db.rows("payment", "SELECT pay_no, order_no FROM pay_attempt_order WHERE refunded_fen > amount_fen")
                .forEach(r -> off.add("payment/order " + r.get("pay_no") + "/" + r.get("order_no")
                        + " reserves more refund than it paid"));
        return new Check("REFUNDS_WITHIN_PAID", "What an order says was refunded is what succeeded at the providers, "
                + "never more than was paid.", off);
    }
}
