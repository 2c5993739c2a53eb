package io.tongbao.localstack;

import static io.tongbao.localstack.StackClient.db;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The invariants of the design, checked on the stack's own databases after every other end-to-end test has run
 * (this class is ordered last): whatever the flows did, the books agree.
 */
@ExtendWith(LocalStack.class)
@Order(Integer.MAX_VALUE)
class InvariantsIT {

    @Test
    void everyWalletEqualsTheSumOfItsLedgerAndIsNeverNegative() {
        List<Map<String, Object>> off = db("coin").queryForList("""
                SELECT w.user_id, w.balance, COALESCE(SUM(l.coins), 0) AS ledger FROM wallet w
                LEFT JOIN coin_ledger l ON l.user_id = w.user_id GROUP BY w.user_id, w.balance
                HAVING w.balance <> COALESCE(SUM(l.coins), 0) OR w.balance < 0""");
        assertThat(off).isEmpty();
    }

    @Test
    void everyPaidCoinRechargeHasExactlyOneCredit() {
        List<Map<String, Object>> off = db("coin").queryForList("""
                SELECT r.id, COUNT(l.id) AS credits FROM recharge r
                LEFT JOIN coin_ledger l ON l.biz_type = 'COIN_RECHARGE' AND l.biz_id = CAST(r.id AS CHAR)
                WHERE r.status IN ('PAID', 'REFUNDED') GROUP BY r.id HAVING COUNT(l.id) <> 1""");
        assertThat(off).isEmpty();
    }

    @Test
    void eachOrderHasAtMostOneAppliedPaymentAndEveryOtherSuccessIsRefundedOrBeingRefunded() {
        Map<String, String> applied = new java.util.HashMap<>();
        db("order").queryForList("SELECT order_no, pay_no FROM orders WHERE pay_no IS NOT NULL")
                .forEach(r -> applied.put((String) r.get("order_no"), (String) r.get("pay_no")));
        List<Map<String, Object>> successes = db("payment").queryForList("""
                SELECT o.pay_no, o.order_no, o.amount_fen, o.refunded_fen FROM pay_attempt a
                JOIN pay_attempt_order o ON o.pay_no = a.pay_no WHERE a.status = 'SUCCESS'""");
        List<Map<String, Object>> automatic = db("payment").queryForList(
                "SELECT pay_no, order_no, status FROM refund WHERE kind IN ('LATE_PAYMENT', 'DUPLICATE_PAYMENT')");
        for (Map<String, Object> s : successes) {
            String orderNo = (String) s.get("order_no");
            String payNo = (String) s.get("pay_no");
            if (payNo.equals(applied.get(orderNo))) {
                continue;
            }
            boolean refunding = automatic.stream().anyMatch(r -> payNo.equals(r.get("pay_no"))
                    && orderNo.equals(r.get("order_no")) && !"FAILED".equals(r.get("status")));
            boolean keptForRefund = db("order").queryForObject(
                    "SELECT COUNT(*) FROM late_payment WHERE pay_no = ? AND order_no = ?", Integer.class, payNo, orderNo) == 1;
            assertThat(refunding || keptForRefund).as("success %s of order %s is neither applied nor refunded", payNo,
                    orderNo).isTrue();
        }
    }

    @Test
    void whatOrdersSayWasRefundedIsWhatSucceededAtTheProviders() {
        // refund-success reaches order-service asynchronously: wait until nothing is in flight any more
        StackClient.awaitValue(InvariantsIT::refundMismatches, List.of());
    }

    private static List<String> refundMismatches() {
        Map<String, Long> refundedByPayment = new java.util.HashMap<>();
        db("payment").queryForList("SELECT order_no, SUM(amount_fen) AS fen FROM refund WHERE kind = 'REQUESTED' "
                + "AND status = 'SUCCESS' GROUP BY order_no")
                .forEach(r -> refundedByPayment.put((String) r.get("order_no"), ((Number) r.get("fen")).longValue()));
        List<String> off = new java.util.ArrayList<>();
        db("order").queryForList("SELECT order_no, paid_amount_fen, refunded_amount_fen FROM orders").forEach(o -> {
            long refunded = ((Number) o.get("refunded_amount_fen")).longValue();
            long atProviders = refundedByPayment.getOrDefault((String) o.get("order_no"), 0L);
            if (refunded != atProviders || refunded > ((Number) o.get("paid_amount_fen")).longValue()) {
                off.add(o.get("order_no") + ": order says " + refunded + ", providers " + atProviders);
            }
        });
        return off;
    }

    @Test
    void noRefundReservesMoreThanItsPaymentPaid() {
        assertThat(db("payment").queryForObject("SELECT COUNT(*) FROM pay_attempt_order WHERE refunded_fen > amount_fen",
                Integer.class)).isZero();
    }
}
