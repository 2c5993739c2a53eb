package io.tongbao.localstack;

import static io.tongbao.localstack.StackClient.JSON;
import static io.tongbao.localstack.StackClient.awaitValue;
import static io.tongbao.localstack.StackClient.call;
import static io.tongbao.localstack.StackClient.db;
import static io.tongbao.localstack.StackClient.devToken;
import static io.tongbao.localstack.StackClient.sandbox;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * Refunds end to end through the gateway, for Alipay and WeChat Pay against the sandbox: full and partial refunds of
 * goods, a course and a coin recharge, concurrent refunds that must not exceed what was paid, a duplicate payment
 * refunded by itself, and refunds whose provider call times out or is refused.
 */
@ExtendWith(LocalStack.class)
class RefundFlowIT {

    private static final AtomicLong USERS = new AtomicLong(1_100_000 + System.currentTimeMillis() % 100_000 * 10);
    private static final AtomicLong SKUS = new AtomicLong(500_000 + System.currentTimeMillis() % 100_000 * 10);
    private static final String ADMIN = devToken(USERS.incrementAndGet(), "\"ADMIN\"");

    private record Paid(String token, String orderNo, String payNo, String channel) {
    }

    /** A goods order of {@code priceFen}, paid with {@code channel} in the sandbox and applied. */
    private static Paid paidGoods(long priceFen, String channel) {
        String token = devToken(USERS.incrementAndGet());
        String orderNo = call("POST", "/api/order/orders", token, "{\"items\":[{\"skuId\":\"" + sku(priceFen)
                + "\",\"quantity\":1}]}", 201).get("orderNo").asString();
        return pay(token, orderNo, channel);
    }

    private static Paid pay(String token, String orderNo, String channel) {
        String mode = "ALIPAY".equals(channel) ? "QR" : "NATIVE";
        String payNo = call("POST", "/api/payment/payments", token, "{\"orderNo\":\"" + orderNo + "\",\"channel\":\""
                + channel + "\",\"mode\":\"" + mode + "\"}", 201).get("payNo").asString();
        sandbox("/sandbox/" + channel.toLowerCase() + "/trades/" + payNo + "/pay", "");
        awaitValue(() -> order(token, orderNo).get("status").asString(), "PAID");
        return new Paid(token, orderNo, payNo, channel);
    }

    private static JsonNode refund(String orderNo, String amount, int expected) {
        return call("POST", "/api/payment/refunds", ADMIN, "{\"orderNo\":\"" + orderNo + "\",\"amount\":\"" + amount
                + "\",\"reason\":\"test\"}", expected);
    }

    @Test
    void aFullRefundOfAlipayGoodsRefundsTheOrderAndTheSandboxTrade() {
        Paid p = paidGoods(1250, "ALIPAY");
        JsonNode refund = refund(p.orderNo(), "12.50", 201);
        assertThat(refund.get("status").asString()).isEqualTo("SUCCESS");
        assertThat(refund.get("kind").asString()).isEqualTo("REQUESTED");
        awaitValue(() -> order(p.token(), p.orderNo()).get("status").asString(), "REFUNDED");
        assertThat(order(p.token(), p.orderNo()).get("refundedAmount").asString()).isEqualTo("12.50");
        assertThat(trade(p).get("refundedAmount").asString()).isEqualTo("12.50");
        assertThat(call("GET", "/api/payment/refunds/" + refund.get("refundNo").asString(), ADMIN, null, 200)
                .get("status").asString()).isEqualTo("SUCCESS");
    }

    @Test
    void twoPartialWechatRefundsGoThroughPartiallyRefundedToRefundedAndAThirdIsRefused() {
        Paid p = paidGoods(1000, "WECHAT");
        refund(p.orderNo(), "3.00", 201);
        awaitValue(() -> order(p.token(), p.orderNo()).get("status").asString(), "PARTIALLY_REFUNDED");
        refund(p.orderNo(), "7.00", 201);
        awaitValue(() -> order(p.token(), p.orderNo()).get("status").asString(), "REFUNDED");
        assertThat(trade(p).get("refundedAmount").asString()).isEqualTo("10.00");
        assertThat(refund(p.orderNo(), "0.01", 409).get("code").asString()).isIn("REFUND_EXCEEDS_PAID", "ORDER_NOT_PAID");
    }

    @Test
    void badRequestsAreRefusedAndWriteNothing() {
        Paid p = paidGoods(500, "ALIPAY");
        for (String amount : List.of("0.00", "-1.00", "1.005", "abc", "5")) {
            assertThat(refund(p.orderNo(), amount, 400).get("code").asString()).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(refund(p.orderNo(), "5.01", 409).get("code").asString()).isEqualTo("REFUND_EXCEEDS_PAID");
        String user = devToken(USERS.incrementAndGet());
        call("POST", "/api/payment/refunds", user, "{\"orderNo\":\"" + p.orderNo() + "\",\"amount\":\"1.00\"}", 403);
        String unpaid = call("POST", "/api/order/orders", user, "{\"items\":[{\"skuId\":\"" + sku(100)
                + "\",\"quantity\":1}]}", 201).get("orderNo").asString();
        assertThat(refund(unpaid, "1.00", 409).get("code").asString()).isEqualTo("ORDER_NOT_PAID");
        assertThat(refundsOf(p.orderNo()) + refundsOf(unpaid)).isZero();
        assertThat(order(p.token(), p.orderNo()).get("status").asString()).isEqualTo("PAID");
    }

    @Test
    void twentyConcurrentRefundsOfOneYuanOnTenYuanGiveExactlyTen() throws Exception {
        Paid p = paidGoods(1000, "ALIPAY");
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(CompletableFuture.supplyAsync(() -> StackClient.send(HttpRequest.newBuilder(
                    LocalStack.gateway("/api/payment/refunds")).header("Authorization", "Bearer " + ADMIN)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"orderNo\":\"" + p.orderNo() + "\",\"amount\":\"1.00\"}")))));
        }
        int ok = 0;
        for (CompletableFuture<HttpResponse<String>> r : all) {
            HttpResponse<String> answer = r.get();
            assertThat(answer.statusCode()).as(answer.body()).isIn(201, 409);
            ok += answer.statusCode() == 201 ? 1 : 0;
        }
        assertThat(ok).isEqualTo(10);
        assertThat(trade(p).get("refundedAmount").asString()).isEqualTo("10.00");
        awaitValue(() -> order(p.token(), p.orderNo()).get("status").asString(), "REFUNDED");
        assertThat(order(p.token(), p.orderNo()).get("refundedAmount").asString()).isEqualTo("10.00");
    }

    @Test
    void aRefundedCourseLeavesMyCourses() {
        String token = devToken(USERS.incrementAndGet());
        String orderNo = call("POST", "/api/learning/choose-courses", token, "{\"courseId\":\"20002\"}", 201)
                .get("orderNo").asString();
        pay(token, orderNo, "WECHAT");
        awaitValue(() -> call("GET", "/api/learning/my-courses", token, null, 200).toString().contains("\"20002\""), true);
        refund(orderNo, "199.00", 201);
        awaitValue(() -> call("GET", "/api/learning/my-courses", token, null, 200).toString().contains("\"20002\""), false);
    }

    @Test
    void aRefundedRechargeTakesTheCoinsBackAndOneWhoseCoinsWereSpentIsRefused() {
        String token = devToken(USERS.incrementAndGet());
        String first = call("POST", "/api/coin/recharges", token, "{\"podId\":\"30002\"}", 201).get("orderNo").asString();
        pay(token, first, "ALIPAY");
        awaitValue(() -> wallet(token), 330L);
        refund(first, "15.00", 201);
        assertThat(wallet(token)).as("half of 330 coins, rounded up, taken back first").isEqualTo(165L);
        awaitValue(() -> order(token, first).get("status").asString(), "PARTIALLY_REFUNDED");

        String second = call("POST", "/api/coin/recharges", token, "{\"podId\":\"30003\"}", 201).get("orderNo").asString();
        pay(token, second, "ALIPAY");
        awaitValue(() -> wallet(token), 165L + 1130L);
        String goods = call("POST", "/api/order/orders", token, "{\"items\":[{\"skuId\":\"" + sku(5000)
                + "\",\"quantity\":1}]}", 201).get("orderNo").asString();
        call("POST", "/api/payment/payments", token,
                "{\"orderNo\":\"" + goods + "\",\"channel\":\"WALLET\",\"mode\":\"BALANCE\"}", 201);
        assertThat(wallet(token)).as("500 coins spent").isEqualTo(795L);
        JsonNode refused = refund(second, "98.00", 409);
        assertThat(refused.get("code").asString()).isEqualTo("COINS_ALREADY_SPENT");
        assertThat(order(token, second).get("status").asString()).isEqualTo("PAID");
        assertThat(refundsOf(second)).as("nothing written").isZero();
    }

    @Test
    void aSecondPaymentOfAPaidOrderIsRefundedByItselfAsADuplicate() {
        String token = devToken(USERS.incrementAndGet());
        String orderNo = call("POST", "/api/order/orders", token, "{\"items\":[{\"skuId\":\"" + sku(800)
                + "\",\"quantity\":1}]}", 201).get("orderNo").asString();
        String pay = "{\"orderNo\":\"" + orderNo + "\",\"channel\":\"ALIPAY\",\"mode\":\"QR\"}";
        String first = call("POST", "/api/payment/payments", token, pay, 201).get("payNo").asString();
        String second = call("POST", "/api/payment/payments", token, pay, 201).get("payNo").asString();
        sandbox("/sandbox/alipay/trades/" + first + "/pay?notify=false", "");
        sandbox("/sandbox/alipay/trades/" + second + "/pay?notify=false", "");
        call("GET", "/api/payment/payments/" + first, token, null, 200);
        call("GET", "/api/payment/payments/" + second, token, null, 200);
        awaitValue(() -> call("GET", "/api/payment/refunds?orderNo=" + orderNo + "&kind=DUPLICATE_PAYMENT", ADMIN, null,
                200).toString().contains("\"SUCCESS\""), true);
        JsonNode duplicate = call("GET", "/api/payment/refunds?orderNo=" + orderNo, ADMIN, null, 200).get("items").get(0);
        String refundedPayNo = duplicate.get("payNo").asString();
        assertThat(List.of(first, second)).contains(refundedPayNo);
        assertThat(duplicate.get("amount").asString()).isEqualTo("8.00");
        assertThat(alipayTrade(refundedPayNo).get("refundedAmount").asString()).isEqualTo("8.00");
        String applied = refundedPayNo.equals(first) ? second : first;
        assertThat(alipayTrade(applied).get("refundedAmount").asString()).isEqualTo("0.00");
        assertThat(order(token, orderNo).get("status").asString()).isEqualTo("PAID");
        assertThat(call("GET", "/api/payment/refunds?orderNo=" + orderNo, ADMIN, null, 200).get("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void aPaymentMadeAfterItsOrderClosedIsRefundedAsALatePaymentAndTheOrderStaysClosed() {
        String token = devToken(USERS.incrementAndGet());
        String orderNo = call("POST", "/api/order/orders", token, "{\"items\":[{\"skuId\":\"" + sku(900)
                + "\",\"quantity\":1}]}", 201).get("orderNo").asString();
        JsonNode page = call("POST", "/api/payment/payments", token,
                "{\"orderNo\":\"" + orderNo + "\",\"channel\":\"ALIPAY\",\"mode\":\"PAGE\"}", 201);
        String payNo = page.get("payNo").asString();
        // nobody opened the page yet, so the timeout finds no trade at Alipay to close, and closes the order
        awaitValue(() -> order(token, orderNo).get("status").asString(), "CLOSED");
        // the payer opens the old page and pays after all
        StackClient.submitAsABrowserWould(page.get("form").asString());
        sandbox("/sandbox/alipay/trades/" + payNo + "/pay", "");
        awaitValue(() -> call("GET", "/api/payment/refunds?orderNo=" + orderNo + "&kind=LATE_PAYMENT", ADMIN, null, 200)
                .toString().contains("\"SUCCESS\""), true);
        assertThat(alipayTrade(payNo).get("refundedAmount").asString()).isEqualTo("9.00");
        assertThat(order(token, orderNo).get("status").asString()).isEqualTo("CLOSED");
        // refund-success reaches order-service asynchronously
        awaitValue(() -> db("order").queryForObject("SELECT status FROM late_payment WHERE pay_no = ?", String.class,
                payNo), "REFUNDED");
    }

    @Test
    void aRefundWhoseProviderAnswerTimesOutEndsSuccessThroughTheJobRefundedOnce() {
        Paid p = paidGoods(600, "WECHAT");
        sandbox("/sandbox/wechat/refund-faults", "{\"mode\":\"DELAY\",\"times\":1,\"delayMs\":12000,\"outTradeNo\":\""
                + p.payNo() + "\"}");
        JsonNode refund = refund(p.orderNo(), "6.00", 201);
        String refundNo = refund.get("refundNo").asString();
        awaitValue(() -> settleRefunds() >= 0 && "SUCCESS".equals(call("GET", "/api/payment/refunds/" + refundNo, ADMIN,
                null, 200).get("status").asString()), true);
        assertThat(trade(p).get("refundedAmount").asString()).as("refunded once").isEqualTo("6.00");
        awaitValue(() -> order(p.token(), p.orderNo()).get("status").asString(), "REFUNDED");
    }

    @Test
    void aRefusedRefundEndsFailedAndARetrySucceedsWithTheSameRefundNumber() {
        Paid p = paidGoods(700, "ALIPAY");
        sandbox("/sandbox/alipay/refund-faults", "{\"mode\":\"REFUSE\",\"times\":1,\"outTradeNo\":\"" + p.payNo() + "\"}");
        JsonNode failed = refund(p.orderNo(), "7.00", 201);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(trade(p).get("refundedAmount").asString()).isEqualTo("0.00");
        assertThat(order(p.token(), p.orderNo()).get("status").asString()).isEqualTo("PAID");
        String refundNo = failed.get("refundNo").asString();
        JsonNode retried = call("POST", "/api/payment/refunds/" + refundNo + "/retry", ADMIN, null, 200);
        assertThat(retried.get("status").asString()).isEqualTo("SUCCESS");
        assertThat(retried.get("refundNo").asString()).isEqualTo(refundNo);
        assertThat(trade(p).get("refundedAmount").asString()).isEqualTo("7.00");
        call("POST", "/api/payment/refunds/" + refundNo + "/retry", ADMIN, null, 409);
        awaitValue(() -> order(p.token(), p.orderNo()).get("status").asString(), "REFUNDED");
    }

    private static int settleRefunds() {
        HttpResponse<String> r = StackClient.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + LocalStack.PAYMENT_PORT + "/internal/payment/refunds/settle")).POST(HttpRequest.BodyPublishers.noBody()));
        return r.statusCode() == 200 ? JSON.readTree(r.body()).get("asked").asInt() : -1;
    }

    private static String sku(long priceFen) {
        long id = SKUS.incrementAndGet();
        db("order").update("INSERT INTO sku (id, name, price_fen, stock, status) VALUES (?, ?, ?, 100, 'ON_SALE')", id,
                "Refund SKU " + id, priceFen);
        return Long.toString(id);
    }

    private static JsonNode order(String token, String orderNo) {
        return call("GET", "/api/order/orders/" + orderNo, token, null, 200);
    }

    private static JsonNode trade(Paid p) {
        return "ALIPAY".equals(p.channel()) ? alipayTrade(p.payNo()) : WechatFlowIT.wechatTrade(p.payNo());
    }

    private static JsonNode alipayTrade(String payNo) {
        return StackClient.sandboxTrade(payNo);
    }

    private static int refundsOf(String orderNo) {
        return db("payment").queryForObject("SELECT COUNT(*) FROM refund WHERE order_no = ?", Integer.class, orderNo);
    }

    private static long wallet(String token) {
        return call("GET", "/api/coin/wallet", token, null, 200).get("balance").asLong();
    }
}
