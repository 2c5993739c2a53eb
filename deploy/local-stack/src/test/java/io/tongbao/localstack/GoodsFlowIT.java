package io.tongbao.localstack;

import static io.tongbao.localstack.StackClient.awaitValue;
import static io.tongbao.localstack.StackClient.call;
import static io.tongbao.localstack.StackClient.db;
import static io.tongbao.localstack.StackClient.devToken;
import static io.tongbao.localstack.StackClient.sandbox;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Buying goods end to end through the gateway: stock reserved at checkout, two orders paid by one payment in the
 * sandbox, stock deducted once through stock-deduction (also when the broker delivers it again), the last units
 * under contention, stock given back once on timeout and cancel, Idempotency-Key, and other users' orders.
 */
@ExtendWith(LocalStack.class)
class GoodsFlowIT {

    private static final AtomicLong USERS = new AtomicLong(800_000 + System.currentTimeMillis() % 100_000 * 10);
    private static final AtomicLong SKUS = new AtomicLong(700_000 + System.currentTimeMillis() % 100_000 * 10);
    private static JdbcTemplate orderDb;
    private static JdbcTemplate paymentDb;
    private static DefaultMQProducer broker;

    @BeforeAll
    static void connect() throws Exception {
        orderDb = db("order");
        paymentDb = db("payment");
        broker = new DefaultMQProducer("goods-flow-it");
        broker.setNamesrvAddr(LocalStack.NAMESRV);
        broker.start();
    }

    @AfterAll
    static void disconnect() {
        broker.shutdown();
    }

    /** A SKU of this test's own in the stack's catalog (there is no admin API for the catalog yet). */
    private static String sku(long priceFen, int stock) {
        long id = SKUS.incrementAndGet();
        orderDb.update("INSERT INTO sku (id, name, price_fen, stock, status) VALUES (?, ?, ?, ?, 'ON_SALE')", id,
                "Flow SKU " + id, priceFen, stock);
        return Long.toString(id);
    }

    private static Map<String, Object> counters(String skuId) {
        return orderDb.queryForMap("SELECT stock, reserved, sold FROM sku WHERE id = ?", Long.parseLong(skuId));
    }

    private static String items(Object... skuAndQuantity) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.add("{\"skuId\":\"" + skuAndQuantity[i] + "\",\"quantity\":" + skuAndQuantity[i + 1] + "}");
        }
        return "{\"items\":[" + String.join(",", lines) + "]}";
    }

    private static String status(String token, String orderNo) {
        return call("GET", "/api/order/orders/" + orderNo, token, null, 200).get("status").asString();
    }

    private static void publish(String topic, String tag, String key, String body) throws Exception {
        assertThat(broker.send(new Message(topic, tag, key, body.getBytes(StandardCharsets.UTF_8))).getSendStatus())
                .isEqualTo(SendStatus.SEND_OK);
    }

    @Test
    void twoGoodsOrdersPaidByOnePaymentAreBothPaidAndEachStockIsDeductedOnce() throws Exception {
        String token = devToken(USERS.incrementAndGet());
        String notebook = sku(1250, 10);
        String brush = sku(8800, 5);
        JsonNode first = call("POST", "/api/order/orders", token, items(notebook, 2), 201);
        JsonNode second = call("POST", "/api/order/orders", token, items(brush, 1, notebook, 1), 201);
        assertThat(first.get("amount").asString()).isEqualTo("25.00");
        assertThat(second.get("amount").asString()).isEqualTo("100.50");
        assertThat(counters(notebook)).containsEntry("stock", 7).containsEntry("reserved", 3);
        String a = first.get("orderNo").asString();
        String b = second.get("orderNo").asString();

        JsonNode payment = call("POST", "/api/payment/payments", token,
                "{\"orderNos\":[\"" + a + "\",\"" + b + "\"],\"channel\":\"ALIPAY\",\"mode\":\"QR\"}", 201);
        assertThat(payment.get("amount").asString()).isEqualTo("125.50");
        assertThat(payment.get("orderNos")).hasSize(2);
        assertThat(StackClient.sandboxTrade(payment.get("payNo").asString()).toString()).contains("125.50");
        sandbox("/sandbox/alipay/trades/" + payment.get("payNo").asString() + "/pay", "");

        awaitValue(() -> status(token, a) + "/" + status(token, b), "PAID/PAID");
        awaitValue(() -> counters(notebook).get("sold"), 3);
        awaitValue(() -> counters(brush).get("sold"), 1);
        assertThat(counters(notebook)).containsEntry("stock", 7).containsEntry("reserved", 0);
        assertThat(counters(brush)).containsEntry("stock", 4).containsEntry("reserved", 0);

        // The broker delivers each stock-deduction again, and once more under a new event id: nothing moves.
        List<String> sent = orderDb.queryForList("SELECT payload FROM outbox_message WHERE topic = 'stock-deduction' "
                + "AND message_key IN (?, ?)", String.class, a, b);
        assertThat(sent).hasSize(2);
        String lastEventId = null;
        for (String payload : sent) {
            publish("stock-deduction", "GOODS", "redelivery", payload);
            ObjectNode renamed = (ObjectNode) StackClient.JSON.readTree(payload);
            lastEventId = UUID.randomUUID().toString();
            renamed.put("eventId", lastEventId);
            publish("stock-deduction", "GOODS", "redelivery", renamed.toString());
        }
        String awaited = lastEventId;
        awaitValue(() -> orderDb.queryForObject("SELECT COUNT(*) FROM inbox_message WHERE event_id = ?", Integer.class,
                awaited), 1);
        assertThat(counters(notebook)).containsEntry("stock", 7).containsEntry("reserved", 0).containsEntry("sold", 3);
        assertThat(counters(brush)).containsEntry("stock", 4).containsEntry("reserved", 0).containsEntry("sold", 1);

        // A payment that includes a paid order is refused, and nothing is created.
        String third = call("POST", "/api/order/orders", token, items(notebook, 1), 201).get("orderNo").asString();
        int attempts = paymentDb.queryForObject("SELECT COUNT(*) FROM pay_attempt", Integer.class);
        JsonNode refused = call("POST", "/api/payment/payments", token,
                "{\"orderNos\":[\"" + third + "\",\"" + a + "\"],\"channel\":\"ALIPAY\",\"mode\":\"QR\"}", 409);
        assertThat(refused.get("code").asString()).isEqualTo("ORDER_PAID");
        assertThat(paymentDb.queryForObject("SELECT COUNT(*) FROM pay_attempt", Integer.class)).isEqualTo(attempts);
        assertThat(status(token, third)).isEqualTo("UNPAID");
    }

    @Test
    void twentyConcurrentOrdersForTheLastThreeUnitsGiveExactlyThree() throws Exception {
        String inkStone = sku(19900, 3);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String token = devToken(USERS.incrementAndGet());
            answers.add(pool.submit((Callable<HttpResponse<String>>) () -> {
                start.await();
                return post("/api/order/orders", token, items(inkStone, 1));
            }));
        }
        start.countDown();
        int created = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            if (response.statusCode() == 201) {
                created++;
            } else {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
                assertThat(StackClient.JSON.readTree(response.body()).get("code").asString()).isEqualTo("OUT_OF_STOCK");
            }
        }
        pool.shutdown();

        assertThat(created).isEqualTo(3);
        assertThat(counters(inkStone)).containsEntry("stock", 0).containsEntry("reserved", 3);
        JsonNode product = null;
        for (JsonNode p : call("GET", "/api/order/products", devToken(1), null, 200)) {
            product = p.get("skuId").asString().equals(inkStone) ? p : product;
        }
        assertThat(product).isNotNull();
        assertThat(product.get("stock").asInt()).isZero();
    }

    @Test
    void aTimedOutOrderAndACancelledOrderGiveTheirStockBackOnceAndALateSuccessIsNeverApplied() throws Exception {
        String token = devToken(USERS.incrementAndGet());
        String skuId = sku(300, 10);
        String timesOut = call("POST", "/api/order/orders", token, items(skuId, 2), 201).get("orderNo").asString();
        String cancelled = call("POST", "/api/order/orders", token, items(skuId, 3), 201).get("orderNo").asString();
        call("POST", "/api/payment/payments", token,
                "{\"orderNo\":\"" + timesOut + "\",\"channel\":\"ALIPAY\",\"mode\":\"QR\"}", 201);
        assertThat(counters(skuId)).containsEntry("stock", 5).containsEntry("reserved", 5);

        JsonNode closed = call("POST", "/api/order/orders/" + cancelled + "/cancel", token, null, 200);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(counters(skuId)).containsEntry("stock", 8).containsEntry("reserved", 2);
        assertThat(call("POST", "/api/order/orders/" + cancelled + "/cancel", token, null, 409).get("code").asString())
                .isEqualTo("ORDER_CLOSED");

        awaitValue(() -> status(token, timesOut), "CLOSED");
        assertThat(counters(skuId)).containsEntry("stock", 10).containsEntry("reserved", 0).containsEntry("sold", 0);

        // A success that arrives after the close (twice) is kept for refund, never applied.
        String payNo = "late-" + UUID.randomUUID();
        String late = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"" + Instant.now() + "\",\"payNo\":\""
                + payNo + "\",\"channel\":\"ALIPAY\",\"userId\":1,\"amountFen\":600,\"paidAt\":\"" + Instant.now()
                + "\",\"orders\":[{\"orderNo\":\"" + timesOut + "\",\"amountFen\":600}]}";
        publish("payment-success", "ALIPAY", payNo, late);
        publish("payment-success", "ALIPAY", payNo, late);
        awaitValue(() -> orderDb.queryForObject("SELECT COUNT(*) FROM late_payment WHERE pay_no = ?", Integer.class,
                payNo), 1);
        assertThat(status(token, timesOut)).isEqualTo("CLOSED");
        assertThat(counters(skuId)).containsEntry("stock", 10).containsEntry("reserved", 0).containsEntry("sold", 0);
        JsonNode list = call("GET", "/api/order/orders?status=CLOSED", token, null, 200);
        assertThat(list.get("total").asInt()).isEqualTo(2);
    }

    @Test
    void tenConcurrentPostsWithOneIdempotencyKeyCreateOneOrder() throws Exception {
        String token = devToken(USERS.incrementAndGet());
        String skuId = sku(100, 100);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(pool.submit((Callable<HttpResponse<String>>) () -> {
                start.await();
                return send(request("/api/order/orders", token, items(skuId, 2)).header("Idempotency-Key", "checkout-1"));
            }));
        }
        start.countDown();
        List<String> orderNos = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            orderNos.add(StackClient.JSON.readTree(response.body()).get("orderNo").asString());
        }
        pool.shutdown();

        assertThat(orderNos).containsOnly(orderNos.get(0));
        assertThat(call("GET", "/api/order/orders", token, null, 200).get("total").asInt()).isEqualTo(1);
        assertThat(counters(skuId)).containsEntry("stock", 98);
        HttpResponse<String> reused = send(request("/api/order/orders", token, items(skuId, 5))
                .header("Idempotency-Key", "checkout-1"));
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.body()).contains("IDEMPOTENCY_KEY_REUSED");

        // The other create endpoints honour it too.
        String recharge = "{\"podId\":\"30001\"}";
        HttpResponse<String> once = send(request("/api/coin/recharges", token, recharge).header("Idempotency-Key", "r-1"));
        HttpResponse<String> twice = send(request("/api/coin/recharges", token, recharge).header("Idempotency-Key", "r-1"));
        assertThat(once.statusCode()).isEqualTo(201);
        assertThat(twice.body()).isEqualTo(once.body());
        assertThat(twice.headers().firstValue("Idempotent-Replayed")).contains("true");
    }

    @Test
    void anotherUsersOrderIsNotFoundForReadingPayingAndCancelling() {
        String alice = devToken(USERS.incrementAndGet());
        String bob = devToken(USERS.incrementAndGet());
        String orderNo = call("POST", "/api/order/orders", alice, items(sku(500, 5), 1), 201).get("orderNo").asString();
        String payNo = call("POST", "/api/payment/payments", alice,
                "{\"orderNo\":\"" + orderNo + "\",\"channel\":\"ALIPAY\",\"mode\":\"QR\"}", 201).get("payNo").asString();

        assertThat(call("GET", "/api/order/orders/" + orderNo, bob, null, 404).get("code").asString())
                .isEqualTo("ORDER_NOT_FOUND");
        assertThat(call("POST", "/api/payment/payments", bob,
                "{\"orderNo\":\"" + orderNo + "\",\"channel\":\"ALIPAY\",\"mode\":\"QR\"}", 404).get("code").asString())
                .isEqualTo("ORDER_NOT_FOUND");
        assertThat(call("GET", "/api/payment/payments/" + payNo, bob, null, 404).get("code").asString())
                .isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(call("POST", "/api/order/orders/" + orderNo + "/cancel", bob, null, 404).get("code").asString())
                .isEqualTo("ORDER_NOT_FOUND");
        assertThat(call("GET", "/api/order/orders", bob, null, 200).get("total").asInt()).isZero();
        assertThat(status(alice, orderNo)).isEqualTo("UNPAID");
    }

    private static HttpRequest.Builder request(String path, String token, String body) {
        return HttpRequest.newBuilder(LocalStack.gateway(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> post(String path, String token, String body) {
        return send(request(path, token, body));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return StackClient.send(request);
    }
}
