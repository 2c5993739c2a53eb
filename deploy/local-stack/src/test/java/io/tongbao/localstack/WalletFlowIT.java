package io.tongbao.localstack;

import static io.tongbao.localstack.StackClient.awaitValue;
import static io.tongbao.localstack.StackClient.call;
import static io.tongbao.localstack.StackClient.db;
import static io.tongbao.localstack.StackClient.devToken;
import static io.tongbao.localstack.StackClient.sandbox;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Paying with coins end to end through the gateway: coin-service's debit and payment-service's record of the payment
 * in one Seata AT global transaction, on the local stack's real coordinator. The fault tests restart payment-service
 * with an injected fault, so they run last and leave it restarted without one.
 */
@ExtendWith(LocalStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalletFlowIT {

    private static final AtomicLong USERS = new AtomicLong(900_000 + System.currentTimeMillis() % 100_000 * 10);
    private static final AtomicLong SKUS = new AtomicLong(600_000 + System.currentTimeMillis() % 100_000 * 10);

    /** A new user whose wallet holds what the given coin packs give, each paid with Alipay in the sandbox. */
    private static String userWithCoins(String... podIds) {
        String token = devToken(USERS.incrementAndGet());
        long expected = 0;
        for (String podId : podIds) {
            JsonNode recharge = call("POST", "/api/coin/recharges", token, "{\"podId\":\"" + podId + "\"}", 201);
            expected += recharge.get("coin").asLong() + recharge.get("giftCoin").asLong();
            JsonNode payment = call("POST", "/api/payment/payments", token, "{\"orderNo\":\""
                    + recharge.get("orderNo").asString() + "\",\"channel\":\"ALIPAY\",\"mode\":\"QR\"}", 201);
            sandbox("/sandbox/alipay/trades/" + payment.get("payNo").asString() + "/pay", "");
            long want = expected;
            awaitValue(() -> wallet(token), want);
        }
        return token;
    }

    private static String payWithCoins(String token, String orderNo, int expectedStatus) {
        return call("POST", "/api/payment/payments", token,
                "{\"orderNo\":\"" + orderNo + "\",\"channel\":\"WALLET\",\"mode\":\"BALANCE\"}", expectedStatus).toString();
    }

    @Test
    @Order(1)
    void aCourseBoughtWithCoinsLeavesOneDebitAndIsInMyCourses() {
        String token = userWithCoins("30003", "30003");
        assertThat(wallet(token)).isEqualTo(2260L);
        JsonNode choice = call("POST", "/api/learning/choose-courses", token, "{\"courseId\":\"20002\"}", 201);
        String orderNo = choice.get("orderNo").asString();
        JsonNode payment = call("POST", "/api/payment/payments", token,
                "{\"orderNo\":\"" + orderNo + "\",\"channel\":\"WALLET\",\"mode\":\"BALANCE\"}", 201);
        assertThat(payment.get("status").asString()).isEqualTo("SUCCESS");
        assertThat(payment.get("coins").asLong()).as("199.00 yuan at 0.10 a coin").isEqualTo(1990);
        assertThat(wallet(token)).isEqualTo(270L);
        JsonNode ledger = call("GET", "/api/coin/wallet/ledger", token, null, 200);
        List<JsonNode> debits = new ArrayList<>();
        ledger.get("items").forEach(e -> {
            if ("DEBIT".equals(e.get("type").asString())) {
                debits.add(e);
            }
        });
        assertThat(debits).hasSize(1);
        assertThat(debits.get(0).get("bizType").asString()).isEqualTo("PAYMENT");
        assertThat(debits.get(0).get("bizId").asString()).isEqualTo(payment.get("payNo").asString());
        awaitValue(() -> call("GET", "/api/order/orders/" + orderNo, token, null, 200).get("status").asString(), "PAID");
        awaitValue(() -> call("GET", "/api/learning/my-courses", token, null, 200).toString().contains("\"20002\""), true);
        assertThat(call("GET", "/api/payment/payments/" + payment.get("payNo").asString(), token, null, 200)
                .get("coins").asLong()).isEqualTo(1990);
    }

    @Test
    @Order(2)
    void aCoinRechargeCannotBePaidWithCoinsAndTooFewCoinsChangeNothing() {
        String token = userWithCoins("30001");
        String recharge = call("POST", "/api/coin/recharges", token, "{\"podId\":\"30001\"}", 201).get("orderNo").asString();
        JsonNode notAllowed = StackClient.JSON.readTree(payWithCoins(token, recharge, 409));
        assertThat(notAllowed.get("code").asString()).isEqualTo("CHANNEL_NOT_ALLOWED");
        String course = call("POST", "/api/learning/choose-courses", token, "{\"courseId\":\"20003\"}", 201)
                .get("orderNo").asString();
        JsonNode tooFew = StackClient.JSON.readTree(payWithCoins(token, course, 409));
        assertThat(tooFew.get("code").asString()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(wallet(token)).isEqualTo(60L);
        assertThat(attemptsOf(recharge) + attemptsOf(course)).as("no attempt written").isZero();
        assertThat(call("GET", "/api/coin/wallet/ledger", token, null, 200).get("total").asLong()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void tenConcurrentPaymentsOnABalanceForThreeGiveExactlyThree() throws Exception {
        String token = userWithCoins("30001");
        String sku = sku(200, 20);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            orders.add(call("POST", "/api/order/orders", token, "{\"items\":[{\"skuId\":\"" + sku + "\",\"quantity\":1}]}",
                    201).get("orderNo").asString());
        }
        List<CompletableFuture<HttpResponse<String>>> payments = orders.stream().map(orderNo ->
                CompletableFuture.supplyAsync(() -> StackClient.send(HttpRequest.newBuilder(
                        LocalStack.gateway("/api/payment/payments")).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"orderNo\":\"" + orderNo + "\",\"channel\":\"WALLET\",\"mode\":\"BALANCE\"}"))))).toList();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> payment : payments) {
            HttpResponse<String> answer = payment.get();
            statuses.add(answer.statusCode());
            if (answer.statusCode() == 409) {
                assertThat(answer.body()).contains("INSUFFICIENT_BALANCE");
            }
        }
        assertThat(statuses).as(statuses.toString()).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(3);
        assertThat(wallet(token)).isZero();
        assertLedgerSumsToBalance(token);
        // the three payments reach their orders asynchronously; only then are the seven others cancelled (their stock
        // goes back at once instead of at their timeout)
        awaitValue(() -> paidOrders(orders, token), 3L);
        for (String orderNo : orders) {
            if ("UNPAID".equals(db("order").queryForObject("SELECT status FROM orders WHERE order_no = ?", String.class,
                    orderNo))) {
                call("POST", "/api/order/orders/" + orderNo + "/cancel", token, null, 200);
            }
        }
    }

    @Test
    @Order(100)
    void aFailureAfterTheDebitRollsBackTheDebitAndRecordsNothing() throws Exception {
        String token = userWithCoins("30001");
        String sku = sku(100, 5);
        LocalStack.restart("payment-service", Map.of("TONGBAO_PAYMENT_FAULTS_AFTER_SETTLE", "THROW"));
        String orderNo = call("POST", "/api/order/orders", token, "{\"items\":[{\"skuId\":\"" + sku + "\",\"quantity\":1}]}",
                201).get("orderNo").asString();
        try {
            HttpResponse<String> failed = StackClient.send(HttpRequest.newBuilder(LocalStack.gateway("/api/payment/payments"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"orderNo\":\"" + orderNo + "\",\"channel\":\"WALLET\",\"mode\":\"BALANCE\"}")));
            assertThat(failed.statusCode()).as(failed.body()).isBetween(500, 599);
            awaitValue(() -> wallet(token), 60L);
            awaitValue(() -> debitsOf(token), 0);
            assertThat(attemptsOf(orderNo)).as("no attempt").isZero();
            assertThat(db("payment").queryForObject("SELECT COUNT(*) FROM outbox_message WHERE topic = 'payment-success' "
                    + "AND payload LIKE ?", Integer.class, "%" + orderNo + "%")).as("no event").isZero();
            String xid = injectedXid();
            awaitValue(() -> coordinatorLogHasRollbackOf(xid), true);
            assertThat(call("GET", "/api/order/orders/" + orderNo, token, null, 200).get("status").asString())
                    .isIn("UNPAID", "CLOSED");
        } finally {
            LocalStack.restart("payment-service", Map.of("TONGBAO_PAYMENT_FAULTS_AFTER_SETTLE", ""));
        }
        String again = call("POST", "/api/order/orders", token, "{\"items\":[{\"skuId\":\"" + sku + "\",\"quantity\":1}]}",
                201).get("orderNo").asString();
        JsonNode paid = StackClient.JSON.readTree(payWithCoins(token, again, 201));
        assertThat(paid.get("status").asString()).as("coins pay again once the fault is gone").isEqualTo("SUCCESS");
        assertThat(wallet(token)).isEqualTo(50L);
    }

    @Test
    @Order(101)
    void aServiceKilledInTheMiddleOfWalletPaymentsLeavesEachOneCompleteOrAbsent() throws Exception {
        String token = userWithCoins("30002");
        String sku = sku(100, 20);
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String orderNo = call("POST", "/api/order/orders", token,
                    "{\"items\":[{\"skuId\":\"" + sku + "\",\"quantity\":1}]}", 201).get("orderNo").asString();
            payWithCoins(token, orderNo, 201);
            before.add(orderNo);
        }
        LocalStack.restart("payment-service", Map.of("TONGBAO_PAYMENT_FAULTS_AFTER_SETTLE", "HANG"));
        // ordered after the restart: the stack's orders time out after 20 s
        String hanging = call("POST", "/api/order/orders", token, "{\"items\":[{\"skuId\":\"" + sku + "\",\"quantity\":1}]}",
                201).get("orderNo").asString();
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> StackClient.send(
                HttpRequest.newBuilder(LocalStack.gateway("/api/payment/payments")).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"orderNo\":\"" + hanging + "\",\"channel\":\"WALLET\",\"mode\":\"BALANCE\"}"))));
        // the debit and the payment's own branch are written (not yet globally committed) when the fault hangs
        awaitValue(() -> debitsOf(token), 4);
        awaitValue(() -> attemptsOf(hanging), 1);
        LocalStack.restart("payment-service", Map.of("TONGBAO_PAYMENT_FAULTS_AFTER_SETTLE", ""));
        inFlight.handle((r, e) -> r);
        // the coordinator rolls the open global transaction back at its timeout: the in-flight one is absent
        awaitValue(() -> debitsOf(token), 3);
        awaitValue(() -> attemptsOf(hanging), 0);
        awaitValue(() -> wallet(token), 300L);
        assertThat(call("GET", "/api/order/orders/" + hanging, token, null, 200).get("status").asString())
                .isIn("UNPAID", "CLOSED");
        for (String orderNo : before) {
            awaitValue(() -> call("GET", "/api/order/orders/" + orderNo, token, null, 200).get("status").asString(), "PAID");
            assertThat(attemptsOf(orderNo)).isEqualTo(1);
        }
        assertLedgerSumsToBalance(token);
        String after = call("POST", "/api/order/orders", token, "{\"items\":[{\"skuId\":\"" + sku + "\",\"quantity\":1}]}",
                201).get("orderNo").asString();
        assertThat(StackClient.JSON.readTree(payWithCoins(token, after, 201)).get("status").asString())
                .isEqualTo("SUCCESS");
        awaitValue(() -> wallet(token), 290L);
    }

    private static String sku(long priceFen, int stock) {
        long id = SKUS.incrementAndGet();
        db("order").update("INSERT INTO sku (id, name, price_fen, stock, status) VALUES (?, ?, ?, ?, 'ON_SALE')", id,
                "Wallet SKU " + id, priceFen, stock);
        return Long.toString(id);
    }

    /** Read from the order database: polling ten orders through the gateway would meet the user's rate limit. */
    private static long paidOrders(List<String> orders, String token) {
        return orders.stream().filter(o -> "PAID".equals(db("order").queryForObject(
                "SELECT status FROM orders WHERE order_no = ?", String.class, o))).count();
    }

    private static void assertLedgerSumsToBalance(String token) {
        JdbcTemplate coin = db("coin");
        long userId = call("GET", "/api/coin/wallet", token, null, 200).get("userId").asLong();
        Long sum = coin.queryForObject("SELECT COALESCE(SUM(coins), 0) FROM coin_ledger WHERE user_id = ?", Long.class, userId);
        Long balance = coin.queryForObject("SELECT balance FROM wallet WHERE user_id = ?", Long.class, userId);
        assertThat(sum).isEqualTo(balance);
        assertThat(balance).isNotNegative();
    }

    private static int debitsOf(String token) {
        long userId = call("GET", "/api/coin/wallet", token, null, 200).get("userId").asLong();
        return db("coin").queryForObject("SELECT COUNT(*) FROM coin_ledger WHERE user_id = ? AND type = 'DEBIT'",
                Integer.class, userId);
    }

    private static int attemptsOf(String orderNo) {
        return db("payment").queryForObject("SELECT COUNT(*) FROM pay_attempt_order WHERE order_no = ?", Integer.class,
                orderNo);
    }

    private static long wallet(String token) {
        return call("GET", "/api/coin/wallet", token, null, 200).get("balance").asLong();
    }

    /** The XID of the global transaction that the injected fault failed, from payment-service's own log. */
    private static String injectedXid() throws Exception {
        Matcher m = Pattern.compile("Injected fault: failing global transaction (\\S+)").matcher(
                Files.readString(LocalStack.runDir.resolve("logs/payment-service.log")));
        String xid = null;
        while (m.find()) {
            xid = m.group(1);
        }
        assertThat(xid).as("payment-service logged the injected failure with its XID").isNotNull();
        return xid;
    }

    /** The coordinator's console log or its own log files mention the rollback of that global transaction. */
    private static boolean coordinatorLogHasRollbackOf(String xid) {
        try (var files = Files.walk(LocalStack.runDir.resolve("logs"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("seata") && Files.isRegularFile(f))
                    .anyMatch(f -> mentionsRollback(f, xid));
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean mentionsRollback(java.nio.file.Path file, String xid) {
        try (var lines = Files.lines(file)) {
            return lines.anyMatch(l -> l.contains(xid) && l.toLowerCase(java.util.Locale.ROOT).contains("rollback"));
        } catch (Exception e) {
            return false;
        }
    }

}
