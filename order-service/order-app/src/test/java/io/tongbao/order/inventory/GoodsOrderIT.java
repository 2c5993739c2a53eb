package io.tongbao.order.inventory;

import static io.tongbao.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
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

import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.tongbao.order.PaymentServiceStub;
import io.tongbao.order.api.event.OrderTimeoutDue;
import io.tongbao.order.api.event.StockDeduction;
import io.tongbao.payment.api.event.PaymentSucceeded;
import io.tongbao.testing.RealMiddleware;
import io.tongbao.testing.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GOODS orders on the real database and broker: stock reserved all-or-nothing under contention, released once on
 * cancel and timeout, deducted once through stock-deduction whatever the redeliveries, and the public order API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealMiddleware(database = "order")
class GoodsOrderIT {

    private static final PaymentServiceStub PAYMENT_SERVICE = new PaymentServiceStub();
    private static final AtomicLong SKU_IDS = new AtomicLong(900_000);
    private static final String ALICE = "2001";
    private static final String BOB = "2002";

    private final JdbcTemplate jdbc;
    private final RocketMQTemplate rocketmq;
    private final JsonMapper json;
    private final String base;

    @Autowired
    GoodsOrderIT(JdbcTemplate jdbc, RocketMQTemplate rocketmq, JsonMapper json, @Value("${local.server.port}") int port) {
        this.jdbc = jdbc;
        this.rocketmq = rocketmq;
        this.json = json;
        this.base = "http://127.0.0.1:" + port;
    }

    @DynamicPropertySource
    static void paymentService(DynamicPropertyRegistry registry) {
        registry.add(PaymentServiceStub.DISCOVERY_PROPERTY, PAYMENT_SERVICE::uri);
    }

    @AfterAll
    static void stopStub() {
        PAYMENT_SERVICE.close();
    }

    /** A SKU of this test's own, priced in fen, with the stock given. */
    private long sku(long priceFen, int stock) {
        long id = SKU_IDS.incrementAndGet();
        jdbc.update("INSERT INTO sku (id, name, price_fen, stock, status) VALUES (?, ?, ?, ?, 'ON_SALE')", id,
                "Test SKU " + id, priceFen, stock);
        return id;
    }

    private Map<String, Object> counters(long skuId) {
        return jdbc.queryForMap("SELECT stock, reserved, sold FROM sku WHERE id = ?", skuId);
    }

    private TestHttp.Response order(String user, String items) {
        return TestHttp.postJson(base + "/api/order/orders", "{\"items\":" + items + "}", "X-User-Id", user);
    }

    private String line(long skuId, int quantity) {
        return "{\"skuId\":\"" + skuId + "\",\"quantity\":" + quantity + "}";
    }

    private JsonNode body(TestHttp.Response response) {
        return json.readTree(response.body());
    }

    @Test
    void pricesTheOrderFromTheCatalogAndReservesItsStock() {
        long notebook = sku(1250, 10);
        long brush = sku(8800, 5);
        TestHttp.Response created = order(ALICE, "[" + line(notebook, 2) + "," + line(brush, 1) + "," + line(notebook, 1) + "]");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode order = body(created);
        assertThat(order.get("bizType").asString()).isEqualTo("GOODS");
        assertThat(order.get("status").asString()).isEqualTo("UNPAID");
        assertThat(order.get("amount").asString()).isEqualTo("125.50");
        assertThat(order.get("items")).hasSize(2);
        Instant createdAt = OffsetDateTime.parse(order.get("createdAt").asString()).toInstant();
        assertThat(jdbc.queryForObject("SELECT created_at FROM orders WHERE order_no = ?", Timestamp.class,
                order.get("orderNo").asString()).toInstant()).as("stored with its milliseconds").isEqualTo(createdAt);
        assertThat(counters(notebook)).containsEntry("stock", 7).containsEntry("reserved", 3).containsEntry("sold", 0);
        assertThat(counters(brush)).containsEntry("stock", 4).containsEntry("reserved", 1);
    }

    @Test
    void twentyConcurrentOrdersForTheLastThreeUnitsGiveExactlyThree() throws Exception {
        long inkStone = sku(19900, 3);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TestHttp.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String user = Integer.toString(3000 + i);
            answers.add(pool.submit((Callable<TestHttp.Response>) () -> {
                start.await();
                return order(user, "[" + line(inkStone, 1) + "]");
            }));
        }
        start.countDown();
        int created = 0;
        int outOfStock = 0;
        for (Future<TestHttp.Response> answer : answers) {
            TestHttp.Response response = answer.get();
            if (response.status() == 201) {
                created++;
            } else {
                assertThat(response.status()).as(response.body()).isEqualTo(409);
                assertThat(body(response).get("code").asString()).isEqualTo("OUT_OF_STOCK");
                outOfStock++;
            }
        }
        pool.shutdown();

        assertThat(created).isEqualTo(3);
        assertThat(outOfStock).isEqualTo(17);
        assertThat(counters(inkStone)).containsEntry("stock", 0).containsEntry("reserved", 3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stock_reservation WHERE sku_id = ?", Integer.class, inkStone))
                .isEqualTo(3);
    }

    @Test
    void reservesAllLinesOrNone() {
        long plenty = sku(100, 10);
        long scarce = sku(100, 1);
        TestHttp.Response refused = order(ALICE, "[" + line(plenty, 2) + "," + line(scarce, 2) + "]");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(body(refused).get("code").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(counters(plenty)).containsEntry("stock", 10).containsEntry("reserved", 0);
        assertThat(counters(scarce)).containsEntry("stock", 1).containsEntry("reserved", 0);
    }

    @Test
    void badLinesAreProblemsAndChangeNothing() {
        long real = sku(100, 10);
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM orders", Integer.class);

        assertProblem(order(ALICE, "[" + line(987654321, 1) + "]"), 404, "SKU_NOT_FOUND");
        assertProblem(order(ALICE, "[" + line(real, 0) + "]"), 400, "VALIDATION_FAILED");
        assertProblem(order(ALICE, "[" + line(real, -3) + "]"), 400, "VALIDATION_FAILED");
        assertProblem(order(ALICE, "[" + line(real, 1_000_000) + "]"), 400, "VALIDATION_FAILED");
        assertProblem(order(ALICE, "[" + line(real, 600) + "," + line(real, 600) + "]"), 400, "VALIDATION_FAILED");
        assertProblem(order(ALICE, "[]"), 400, "VALIDATION_FAILED");
        assertProblem(order(ALICE, "[{\"skuId\":\"abc\",\"quantity\":1}]"), 400, "VALIDATION_FAILED");
        assertProblem(TestHttp.postJson(base + "/api/order/orders", "{\"items\":[{\"skuId\":\"" + real
                + "\",\"quantity\":1,\"price\":\"0.01\"}]}", "X-User-Id", ALICE), 201, null);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders", Integer.class)).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("SELECT amount_fen FROM orders ORDER BY id DESC LIMIT 1", Long.class))
                .as("a client's price is ignored").isEqualTo(100);
        assertThat(counters(real)).containsEntry("stock", 9);
    }

    @Test
    void cancelReleasesTheStockOnceAndOnlyTheOwnerMayCancel() {
        long skuId = sku(500, 5);
        String orderNo = body(order(ALICE, "[" + line(skuId, 2) + "]")).get("orderNo").asString();

        assertProblem(cancel(BOB, orderNo), 404, "ORDER_NOT_FOUND");
        assertProblem(TestHttp.get(base + "/api/order/orders/" + orderNo, "X-User-Id", BOB), 404, "ORDER_NOT_FOUND");
        assertThat(counters(skuId)).containsEntry("stock", 3);

        TestHttp.Response cancelled = cancel(ALICE, orderNo);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(body(cancelled).get("status").asString()).isEqualTo("CLOSED");
        assertThat(PAYMENT_SERVICE.closeCalls).contains(orderNo);
        assertProblem(cancel(ALICE, orderNo), 409, "ORDER_CLOSED");

        assertThat(counters(skuId)).containsEntry("stock", 5).containsEntry("reserved", 0).containsEntry("sold", 0);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE message_key = ? AND tag = 'CLOSED'",
                Integer.class, orderNo)).isEqualTo(1);
    }

    @Test
    void cancelIsRefusedWhileTheProviderSaysTheOrderWasPaid() {
        long skuId = sku(500, 5);
        String orderNo = body(order(ALICE, "[" + line(skuId, 1) + "]")).get("orderNo").asString();
        PAYMENT_SERVICE.paidAtProvider.add(orderNo);

        assertProblem(cancel(ALICE, orderNo), 409, "ORDER_PAID");
        assertThat(counters(skuId)).containsEntry("stock", 4).containsEntry("reserved", 1);
    }

    @Test
    void aPaidOrderHasItsStockDeductedOnceWhateverTheRedeliveries() throws Exception {
        long skuId = sku(700, 10);
        String orderNo = body(order(ALICE, "[" + line(skuId, 4) + "]")).get("orderNo").asString();
        PaymentSucceeded paid = success(orderNo, 2800);
        publish(PaymentSucceeded.TOPIC + ":ALIPAY", paid.payNo(), paid);
        publish(PaymentSucceeded.TOPIC + ":ALIPAY", paid.payNo(), paid);

        await(() -> Integer.valueOf(4).equals(counters(skuId).get("sold")));
        assertThat(counters(skuId)).containsEntry("stock", 6).containsEntry("reserved", 0);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE message_key = ? AND topic = ?",
                Integer.class, orderNo, StockDeduction.TOPIC)).isEqualTo(1);

        // The broker redelivers the very message, and a second message for the same order arrives too.
        String sent = jdbc.queryForObject("SELECT payload FROM outbox_message WHERE message_key = ? AND topic = ?",
                String.class, orderNo, StockDeduction.TOPIC);
        StockDeduction original = json.readValue(sent, StockDeduction.class);
        StockDeduction another = new StockDeduction(UUID.randomUUID().toString(), Instant.now(), orderNo,
                original.orderId(), original.lines());
        publish(StockDeduction.TOPIC + ":" + StockDeduction.TAG, orderNo, original);
        publish(StockDeduction.TOPIC + ":" + StockDeduction.TAG, orderNo, another);
        await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM inbox_message WHERE event_id = ?", Integer.class,
                another.eventId()) == 1);

        assertThat(counters(skuId)).containsEntry("stock", 6).containsEntry("reserved", 0).containsEntry("sold", 4);
        assertThat(jdbc.queryForObject("SELECT status FROM stock_reservation WHERE sku_id = ?", String.class, skuId))
                .isEqualTo("DEDUCTED");
        assertProblem(cancel(ALICE, orderNo), 409, "ORDER_PAID");
    }

    @Test
    void aTimedOutOrderGivesItsStockBackOnceAndALateSuccessIsKeptNotApplied() throws Exception {
        long skuId = sku(300, 5);
        String orderNo = body(order(ALICE, "[" + line(skuId, 3) + "]")).get("orderNo").asString();
        OrderTimeoutDue due = new OrderTimeoutDue(UUID.randomUUID().toString(), Instant.now(), orderNo, Instant.now());
        publish(OrderTimeoutDue.TOPIC, orderNo, due);
        publish(OrderTimeoutDue.TOPIC, orderNo, new OrderTimeoutDue(UUID.randomUUID().toString(), Instant.now(),
                orderNo, Instant.now()));

        await(() -> "CLOSED".equals(status(orderNo)));
        PaymentSucceeded late = success(orderNo, 900);
        publish(PaymentSucceeded.TOPIC + ":ALIPAY", late.payNo(), late);
        publish(PaymentSucceeded.TOPIC + ":ALIPAY", late.payNo(), late);
        await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM late_payment WHERE pay_no = ?", Integer.class,
                late.payNo()) == 1);
        Thread.sleep(1_000);

        assertThat(counters(skuId)).containsEntry("stock", 5).containsEntry("reserved", 0).containsEntry("sold", 0);
        assertThat(status(orderNo)).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE message_key = ? AND topic = ?",
                Integer.class, orderNo, StockDeduction.TOPIC)).isZero();
    }

    @Test
    void listsOnlyTheCallersOrdersNewestFirstByPageAndStatus() {
        long skuId = sku(100, 50);
        String carol = "2003";
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(body(order(carol, "[" + line(skuId, 1) + "]")).get("orderNo").asString());
        }
        order(BOB, "[" + line(skuId, 1) + "]");
        assertThat(cancel(carol, mine.get(0)).status()).isEqualTo(200);

        JsonNode first = body(TestHttp.get(base + "/api/order/orders?page=1&size=2", "X-User-Id", carol));
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("items").get(0).get("orderNo").asString()).isEqualTo(mine.get(2));
        assertThat(first.get("items").get(0).get("items").get(0).get("quantity").asInt()).isEqualTo(1);
        JsonNode second = body(TestHttp.get(base + "/api/order/orders?page=2&size=2", "X-User-Id", carol));
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("orderNo").asString()).isEqualTo(mine.get(0));
        JsonNode closed = body(TestHttp.get(base + "/api/order/orders?status=CLOSED", "X-User-Id", carol));
        assertThat(closed.get("total").asLong()).isEqualTo(1);
        assertProblem(TestHttp.get(base + "/api/order/orders?size=1000", "X-User-Id", carol), 400, "VALIDATION_FAILED");
        assertProblem(TestHttp.get(base + "/api/order/orders?status=LOST", "X-User-Id", carol), 400, "VALIDATION_FAILED");
    }

    @Test
    void anIdempotencyKeyMakesConcurrentDuplicatesOneOrder() throws Exception {
        long skuId = sku(100, 50);
        String request = "{\"items\":[" + line(skuId, 2) + "]}";
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TestHttp.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(pool.submit((Callable<TestHttp.Response>) () -> {
                start.await();
                return TestHttp.postJson(base + "/api/order/orders", request, "X-User-Id", ALICE,
                        "Idempotency-Key", "cart-checkout-42");
            }));
        }
        start.countDown();
        List<String> orderNos = new ArrayList<>();
        for (Future<TestHttp.Response> answer : answers) {
            TestHttp.Response response = answer.get();
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            orderNos.add(body(response).get("orderNo").asString());
        }
        pool.shutdown();

        assertThat(orderNos).containsOnly(orderNos.get(0));
        assertThat(counters(skuId)).containsEntry("stock", 48).containsEntry("reserved", 2);
        assertProblem(TestHttp.postJson(base + "/api/order/orders", "{\"items\":[" + line(skuId, 3) + "]}",
                "X-User-Id", ALICE, "Idempotency-Key", "cart-checkout-42"), 422, "IDEMPOTENCY_KEY_REUSED");
    }

    private TestHttp.Response cancel(String user, String orderNo) {
        return TestHttp.postJson(base + "/api/order/orders/" + orderNo + "/cancel", "", "X-User-Id", user);
    }

    private void assertProblem(TestHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        if (code != null) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(body(response).get("code").asString()).isEqualTo(code);
        }
    }

    private static PaymentSucceeded success(String orderNo, long fen) {
        return new PaymentSucceeded(UUID.randomUUID().toString(), Instant.now(), "pay-" + UUID.randomUUID(), "ALIPAY",
                Long.parseLong(ALICE), fen, Instant.now(), List.of(new PaymentSucceeded.PaidOrder(orderNo, fen)));
    }

    private void publish(String destination, String key, Object event) {
        rocketmq.syncSend(destination, MessageBuilder.withPayload(json.writeValueAsString(event))
                .setHeader(RocketMQHeaders.KEYS, key).build());
    }

    private String status(String orderNo) {
        return jdbc.queryForObject("SELECT status FROM orders WHERE order_no = ?", String.class, orderNo);
    }
}
