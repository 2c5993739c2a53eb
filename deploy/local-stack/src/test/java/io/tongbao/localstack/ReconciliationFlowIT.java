package io.tongbao.localstack;

import static io.tongbao.localstack.StackClient.awaitValue;
import static io.tongbao.localstack.StackClient.call;
import static io.tongbao.localstack.StackClient.devToken;
import static io.tongbao.localstack.StackClient.sandbox;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * Reconciliation and dead letters through the gateway, on the whole suite: a recharge paid at the provider whose
 * notify was lost and whose query does not show it either is found in the day's Alipay bill, applied through the
 * success path, and its coins credited once; running the day again gives the same answer and credits nothing more.
 */
@ExtendWith(LocalStack.class)
class ReconciliationFlowIT {

    private static final AtomicLong USERS = new AtomicLong(700_000 + System.currentTimeMillis() % 100_000 * 10);

    @Test
    void aPaymentOnlyTheBillShowsIsAppliedOnceAndItsCoinsCreditedOnce() {
        long user = USERS.incrementAndGet();
        String token = devToken(user);
        String admin = devToken(user + 1, "\"ADMIN\"");
        JsonNode recharge = call("POST", "/api/coin/recharges", token, "{\"podId\":\"30002\"}", 201);
        String orderNo = recharge.get("orderNo").asString();
        String payNo = call("POST", "/api/payment/payments", token,
                "{\"orderNo\":\"" + orderNo + "\",\"channel\":\"ALIPAY\",\"mode\":\"QR\"}", 201).get("payNo").asString();
        sandbox("/sandbox/alipay/bill-differences", "{\"kind\":\"UNANSWERED_PAYMENT\",\"outTradeNo\":\"" + payNo + "\"}");
        sandbox("/sandbox/alipay/trades/" + payNo + "/pay?notify=false", "");
        // the active query asks the provider, which does not show the payment
        assertThat(call("GET", "/api/payment/payments/" + payNo, token, null, 200).get("status").asString())
                .isEqualTo("PENDING");

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String run = "{\"channel\":\"ALIPAY\",\"date\":\"" + today + "\"}";
        call("POST", "/api/payment/reconciliations", token, run, 403);
        JsonNode first = call("POST", "/api/payment/reconciliations", admin, run, 201);
        assertThat(first.get("status").asString()).isEqualTo("DIFFERENCES");
        JsonNode applied = difference(first, payNo);
        assertThat(applied.get("kind").asString()).isEqualTo("MISSING_LOCALLY");
        assertThat(applied.get("resolution").asString()).isEqualTo("APPLIED");
        assertThat(applied.get("theirs").asString()).isEqualTo("PAID 30.00");
        awaitValue(() -> call("GET", "/api/coin/wallet", token, null, 200).get("balance").asLong(), 330L);
        assertThat(call("GET", "/api/order/orders/" + orderNo, token, null, 200).get("status").asString())
                .isEqualTo("PAID");

        JsonNode second = call("POST", "/api/payment/reconciliations", admin, run, 201);
        assertThat(difference(second, payNo)).isEqualTo(applied);
        assertThat(call("GET", "/api/payment/reconciliations/ALIPAY/" + today, admin, null, 200)).isEqualTo(second);
        // one payment-success event for the payment, so downstream has exactly one thing to credit
        assertThat(StackClient.db("payment").queryForObject("SELECT COUNT(*) FROM outbox_message "
                + "WHERE topic = 'payment-success' AND message_key = ?", Integer.class, payNo)).isEqualTo(1);
        assertThat(call("GET", "/api/coin/wallet/ledger?page=1&size=10", token, null, 200).get("total").asLong())
                .isEqualTo(1);
        assertThat(call("GET", "/api/coin/wallet", token, null, 200).get("balance").asLong()).isEqualTo(330);
    }

    @Test
    void eachServiceListsItsDeadLettersForAdminsOnly() {
        String admin = devToken(USERS.incrementAndGet(), "\"ADMIN\"");
        String user = devToken(USERS.incrementAndGet());
        for (String service : new String[] {"order", "payment", "coin", "learning"}) {
            assertThat(call("GET", "/api/" + service + "/ops/dead-letters", admin, null, 200).isArray()).isTrue();
            call("GET", "/api/" + service + "/ops/dead-letters", user, null, 403);
        }
    }

    private static JsonNode difference(JsonNode run, String payNo) {
        for (JsonNode d : run.get("differences")) {
            if (payNo.equals(d.get("outTradeNo").asString()) && d.get("refundNo").isNull()) {
                return d;
            }
        }
        throw new AssertionError("no difference for " + payNo + " in " + run);
    }
}
