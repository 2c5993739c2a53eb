package io.tongbao.localstack;

import static io.tongbao.localstack.StackClient.JSON;
import static io.tongbao.localstack.StackClient.awaitValue;
import static io.tongbao.localstack.StackClient.call;
import static io.tongbao.localstack.StackClient.devToken;
import static io.tongbao.localstack.StackClient.sandbox;
import static io.tongbao.localstack.StackClient.sandboxTrade;
import static io.tongbao.localstack.StackClient.send;
import static io.tongbao.localstack.StackClient.submitAsABrowserWould;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * The coin recharge end to end through the gateway, on the local stack's real parts: the official Alipay SDK in
 * payment-service talks to the sandbox, whose signed notifies come back through the gateway. Each test is its own
 * user, so wallets never mix.
 */
@ExtendWith(LocalStack.class)
class RechargeFlowIT {

    private static final AtomicLong USERS = new AtomicLong(300_000 + System.currentTimeMillis() % 100_000 * 10);
    private static final String NOTIFY_URL = LocalStack.gateway("/api/payment/notify/alipay").toString();

    /** One user with a token, a recharge of pod 30002 (30.00 yuan, 300 + 30 coins) and an ALIPAY QR payment. */
    private record Purchase(String token, String rechargeId, String orderNo, String payNo) {
    }

    private Purchase purchase() {
        String token = devToken(USERS.incrementAndGet());
        JsonNode pods = call("GET", "/api/coin/pods", token, null, 200);
        assertThat(pods.toString()).contains("\"30002\"");
        JsonNode recharge = call("POST", "/api/coin/recharges", token, "{\"podId\":\"30002\"}", 201);
        String orderNo = recharge.get("orderNo").asString();
        JsonNode payment = call("POST", "/api/payment/payments", token,
                "{\"orderNo\":\"" + orderNo + "\",\"channel\":\"ALIPAY\",\"mode\":\"QR\"}", 201);
        assertThat(payment.get("status").asString()).isEqualTo("PENDING");
        assertThat(payment.get("amount").asString()).isEqualTo("30.00");
        assertThat(payment.get("qrCode").asString()).startsWith("data:image/png;base64,");
        return new Purchase(token, recharge.get("rechargeId").asString(), orderNo, payment.get("payNo").asString());
    }

    @Test
    void aPaidRechargeCreditsCoinAndGiftCoinAndMarksEverythingPaid() {
        Purchase p = purchase();
        sandbox("/sandbox/alipay/trades/" + p.payNo() + "/pay", "");
        awaitValue(() -> wallet(p), 330L);
        assertPaidOnce(p);
    }

    @Test
    void duplicateNotifiesCreditOnceEvenWhenRacingAPaymentQuery() throws Exception {
        Purchase p = purchase();
        sandbox("/sandbox/alipay/trades/" + p.payNo() + "/pay", "");
        awaitValue(() -> wallet(p), 330L);
        sandbox("/sandbox/alipay/trades/" + p.payNo() + "/notify?times=5", "");
        List<CompletableFuture<?>> racing = new ArrayList<>();
        racing.add(CompletableFuture.runAsync(() -> sandbox("/sandbox/alipay/trades/" + p.payNo() + "/notify?times=5", "")));
        racing.add(CompletableFuture.runAsync(() -> call("GET", "/api/payment/payments/" + p.payNo(), p.token(), null, 200)));
        CompletableFuture.allOf(racing.toArray(CompletableFuture[]::new)).get();
        // every notify and the query were answered, so what they changed is committed: one success, one event, and
        // downstream can only credit what that one event carries (no fixed wait needed to prove "nothing more")
        assertThat(StackClient.db("payment").queryForObject("SELECT COUNT(*) FROM outbox_message "
                + "WHERE topic = 'payment-success' AND message_key = ?", Integer.class, p.payNo())).isEqualTo(1);
        assertPaidOnce(p);
    }

    @Test
    void forgedAndTamperedNotifiesAreRefusedAndChangeNothing() {
        Purchase p = purchase();
        assertRefused(forge(p.payNo(), "30.00", null, "\"signWith\":\"WRONG_KEY\""));
        assertRefused(forge(p.payNo(), "0.01", null, null));
        assertRefused(forge(p.payNo(), "30.00", "2021999999999999", null));
        assertRefused(forge("999999999999", "30.00", null, null));
        assertRefused(forge(p.payNo(), "30.00", null, "\"omitSign\":true"));
        HttpResponse<String> malformed = send(HttpRequest.newBuilder(URI.create(NOTIFY_URL))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("%%%garbage&&=")));
        assertThat(malformed.body()).isEqualTo("fail");
        JsonNode payment = call("GET", "/api/payment/payments/" + p.payNo(), p.token(), null, 200);
        assertThat(payment.get("status").asString()).isEqualTo("PENDING");
        assertThat(wallet(p)).isZero();
        assertThat(call("GET", "/api/coin/recharges/" + p.rechargeId(), p.token(), null, 200).get("status").asString())
                .isEqualTo("UNPAID");
    }

    @Test
    void aLostNotifyIsRecoveredByQueryingThePayment() {
        Purchase p = purchase();
        sandbox("/sandbox/alipay/trades/" + p.payNo() + "/pay?notify=false", "");
        JsonNode payment = call("GET", "/api/payment/payments/" + p.payNo(), p.token(), null, 200);
        assertThat(payment.get("status").asString()).isEqualTo("SUCCESS");
        awaitValue(() -> wallet(p), 330L);
        assertPaidOnce(p);
    }

    @Test
    void theCompensationJobSettlesAPaymentWhoseNotifyWasLostWithoutAnyQuery() throws Exception {
        Purchase p = purchase();
        sandbox("/sandbox/alipay/trades/" + p.payNo() + "/pay?notify=false", "");
        Thread.sleep(3_000);
        HttpResponse<String> round = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + LocalStack.PAYMENT_PORT + "/internal/payment/compensation/run"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(round.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(round.body()).get("settled").asInt()).isGreaterThanOrEqualTo(1);
        awaitValue(() -> wallet(p), 330L);
        assertPaidOnce(p);
    }

    @Test
    void everyTryIsANewAttemptTheOtherAttemptsCloseOnceOneIsPaidAndPaidOrClosedOrdersAreRefused() {
        Purchase p = purchase();
        String pay = "{\"orderNo\":\"" + p.orderNo() + "\",\"channel\":\"ALIPAY\",\"mode\":\"%s\"}";
        JsonNode page = call("POST", "/api/payment/payments", p.token(), pay.formatted("PAGE"), 201);
        JsonNode wap = call("POST", "/api/payment/payments", p.token(), pay.formatted("WAP"), 201);
        assertThat(List.of(p.payNo(), page.get("payNo").asString(), wap.get("payNo").asString())).doesNotHaveDuplicates();
        assertThat(page.get("form").asString()).contains("/gateway.do").contains("alipay.trade.page.pay");
        assertThat(wap.get("form").asString()).contains("/gateway.do").contains("alipay.trade.wap.pay");
        submitAsABrowserWould(wap.get("form").asString());
        sandbox("/sandbox/alipay/trades/" + wap.get("payNo").asString() + "/pay", "");
        awaitValue(() -> call("GET", "/api/order/orders/" + p.orderNo(), p.token(), null, 200).get("status").asString(),
                "PAID");
        awaitValue(() -> wallet(p), 330L);
        assertPaidOnce(p, wap.get("payNo").asString());
        for (String unpaid : List.of(p.payNo(), page.get("payNo").asString())) {
            awaitValue(() -> call("GET", "/api/payment/payments/" + unpaid, p.token(), null, 200).get("status").asString(),
                    "CLOSED");
        }
        assertThat(sandboxTrade(p.payNo()).get("status").asString()).as("the first QR can no longer be paid")
                .isEqualTo("TRADE_CLOSED");
        JsonNode refused = call("POST", "/api/payment/payments", p.token(), pay.formatted("QR"), 409);
        assertThat(refused.get("code").asString()).isEqualTo("ORDER_PAID");
        Purchase unpaid = purchase();
        awaitValue(() -> call("GET", "/api/order/orders/" + unpaid.orderNo(), unpaid.token(), null, 200).get("status")
                .asString(), "CLOSED");
        JsonNode closed = call("POST", "/api/payment/payments", unpaid.token(),
                "{\"orderNo\":\"" + unpaid.orderNo() + "\",\"channel\":\"ALIPAY\",\"mode\":\"QR\"}", 409);
        assertThat(closed.get("code").asString()).isEqualTo("ORDER_CLOSED");
        JsonNode theirs = call("POST", "/api/payment/payments", devToken(USERS.incrementAndGet()),
                "{\"orderNo\":\"" + unpaid.orderNo() + "\",\"channel\":\"ALIPAY\",\"mode\":\"QR\"}", 404);
        assertThat(theirs.get("code").asString()).isEqualTo("ORDER_NOT_FOUND");
    }

    @Test
    void anUnpaidOrderTimesOutAndItsTradeIsClosedAtTheProvider() {
        Purchase p = purchase();
        awaitValue(() -> call("GET", "/api/order/orders/" + p.orderNo(), p.token(), null, 200).get("status").asString(),
                "CLOSED");
        assertThat(sandboxTrade(p.payNo()).get("status").asString()).isEqualTo("TRADE_CLOSED");
        awaitValue(() -> call("GET", "/api/coin/recharges/" + p.rechargeId(), p.token(), null, 200).get("status")
                .asString(), "CLOSED");
        assertThat(wallet(p)).isZero();
    }

    @Test
    void aPaymentJustBeforeTheTimeoutWinsOverTheClose() {
        Purchase p = purchase();
        sandbox("/sandbox/alipay/trades/" + p.payNo() + "/pay?notify=false", "");
        awaitValue(() -> call("GET", "/api/order/orders/" + p.orderNo(), p.token(), null, 200).get("status").asString(),
                "PAID");
        awaitValue(() -> wallet(p), 330L);
        assertPaidOnce(p);
        assertThat(sandboxTrade(p.payNo()).get("status").asString()).isEqualTo("TRADE_SUCCESS");
    }

    private void assertPaidOnce(Purchase p) {
        assertPaidOnce(p, p.payNo());
    }

    private void assertPaidOnce(Purchase p, String paidPayNo) {
        assertThat(wallet(p)).isEqualTo(330L);
        JsonNode ledger = call("GET", "/api/coin/wallet/ledger", p.token(), null, 200);
        assertThat(ledger.get("total").asLong()).isEqualTo(1);
        assertThat(ledger.get("items").get(0).get("coins").asLong()).isEqualTo(330);
        assertThat(ledger.get("items").get(0).get("bizId").asString()).isEqualTo(p.rechargeId());
        awaitValue(() -> call("GET", "/api/coin/recharges/" + p.rechargeId(), p.token(), null, 200).get("status")
                .asString(), "PAID");
        JsonNode order = call("GET", "/api/order/orders/" + p.orderNo(), p.token(), null, 200);
        assertThat(order.get("status").asString()).isEqualTo("PAID");
        assertThat(order.get("paidAmount").asString()).isEqualTo("30.00");
        assertThat(call("GET", "/api/payment/payments/" + paidPayNo, p.token(), null, 200).get("status").asString())
                .isEqualTo("SUCCESS");
    }

    private static void assertRefused(JsonNode answer) {
        assertThat(answer.get("body").asString()).as(answer.toString()).isEqualTo("fail");
    }

    /** Asks the sandbox to sign and send a notify with these fields (its own platform key unless told otherwise). */
    private JsonNode forge(String payNo, String amount, String appId, String option) {
        String params = "\"out_trade_no\":\"" + payNo + "\",\"trade_no\":\"2026" + payNo + "\",\"trade_status\":"
                + "\"TRADE_SUCCESS\",\"total_amount\":\"" + amount + "\",\"notify_type\":\"trade_status_sync\""
                + (appId == null ? "" : ",\"app_id\":\"" + appId + "\"");
        String body = "{\"notifyUrl\":\"" + NOTIFY_URL + "\",\"params\":{" + params + "}"
                + (option == null ? "" : "," + option) + "}";
        return JSON.readTree(sandbox("/sandbox/alipay/notify", body));
    }

    private long wallet(Purchase p) {
        return call("GET", "/api/coin/wallet", p.token(), null, 200).get("balance").asLong();
    }

}
