package io.tongbao.order.flashsale;

import static io.tongbao.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.tongbao.common.mybatis.InstantTypeHandler;
import io.tongbao.order.PaymentServiceStub;
import io.tongbao.order.api.event.OrderTimeoutDue;
import io.tongbao.testing.RealMiddleware;
import io.tongbao.testing.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Flash sales on the real database, Redis and broker: the create rules, the buy answers, orders created from the
 * queued tickets, units that come back (a failed ticket, a timed-out order) to a later buyer, and Redis losing or
 * rolling back the sale's keys in the middle of a sale without an oversold or a lost unit.
 */
// the sweep runs when a test calls it, not in between the steps of a test
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tongbao.flash-sale.sweep-interval=PT1H")
@ActiveProfiles("local")
@RealMiddleware(database = "order")
class FlashSaleIT {

    private static final PaymentServiceStub PAYMENT_SERVICE = new PaymentServiceStub();
    private static final AtomicLong SKU_IDS = new AtomicLong(960_000);
    private static final AtomicLong USERS = new AtomicLong(70_000);
    private static final String ADMIN = "1";

    private final JdbcTemplate jdbc;
    private final RocketMQTemplate rocketmq;
    private final RedissonClient redisson;
    private final FlashSaleSweep sweep;
    private final JsonMapper json;
    private final String base;

    @Autowired
    FlashSaleIT(JdbcTemplate jdbc, RocketMQTemplate rocketmq, RedissonClient redisson, FlashSaleSweep sweep,
            JsonMapper json, @Value("${local.server.port}") int port) {
        this.jdbc = jdbc;
        this.rocketmq = rocketmq;
        this.redisson = redisson;
        this.sweep = sweep;
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

    @Test
    void createsASaleWithItsUnitsTakenOutOfFreeStockAndRefusesBadTerms() {
        long skuId = sku(1250, 10);
        String now = at(Instant.now().minusSeconds(5));
        String later = at(Instant.now().plusSeconds(3600));

        assertProblem(create(ADMIN, skuId, 0, "1.00", now, later, 1), 400, "VALIDATION_FAILED");
        assertProblem(create(ADMIN, skuId, 2, "1.00", later, now, 1), 400, "VALIDATION_FAILED");
        assertProblem(create(ADMIN, skuId, 2, "12.51", now, later, 1), 400, "VALIDATION_FAILED");
        assertProblem(create(ADMIN, skuId, 2, "1", now, later, 1), 400, "VALIDATION_FAILED");
        assertProblem(create(ADMIN, skuId, 2, "1.00", "tomorrow", later, 1), 400, "VALIDATION_FAILED");
        assertProblem(create(ADMIN, skuId, 2, "1.00", now, later, 0), 400, "VALIDATION_FAILED");
        assertProblem(create(ADMIN, 959_999, 2, "1.00", now, later, 1), 400, "SKU_NOT_FOUND");
        assertProblem(create(ADMIN, skuId, 11, "1.00", now, later, 1), 409, "OUT_OF_STOCK");
        assertProblem(TestHttp.postJson(base + "/api/order/flash-sales", body(skuId, 2, "1.00", now, later, 1),
                "X-User-Id", "2001"), 403, "FORBIDDEN");
        assertThat(counters(skuId)).containsEntry("stock", 10).containsEntry("reserved", 0);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flash_sale WHERE sku_id = ?", Integer.class, skuId)).isZero();

        TestHttp.Response created = create(ADMIN, skuId, 4, "1.00", now, later, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode sale = json.readTree(created.body());
        assertThat(sale.get("skuId").asString()).isEqualTo(Long.toString(skuId));
        assertThat(sale.get("units").asInt()).isEqualTo(4);
        assertThat(sale.get("remaining").asInt()).isEqualTo(4);
        assertThat(sale.get("price").asString()).isEqualTo("1.00");
        assertThat(sale.get("limitPerUser").asInt()).as("default limit").isEqualTo(1);
        assertThat(sale.get("status").asString()).isEqualTo("RUNNING");
        assertThat(counters(skuId)).as("normal checkout can no longer sell them").containsEntry("stock", 6)
                .containsEntry("reserved", 4);

        JsonNode listed = json.readTree(TestHttp.get(base + "/api/order/flash-sales").body());
        List<String> ids = new ArrayList<>();
        listed.forEach(s -> ids.add(s.get("saleId").asString()));
        assertThat(ids).contains(sale.get("saleId").asString());
    }

    @Test
    void aSaleNotYetStartedOrAlreadyEndedAnswersSaleNotActiveAndAnUnknownSaleIsNotFound() {
        long skuId = sku(1000, 10);
        long coming = sale(skuId, 2, "5.00", Instant.now().plusSeconds(3600), Instant.now().plusSeconds(7200), 1);
        assertProblem(buy("2001", coming), 409, "SALE_NOT_ACTIVE");
        JsonNode listed = json.readTree(TestHttp.get(base + "/api/order/flash-sales").body());
        listed.forEach(s -> {
            if (s.get("saleId").asString().equals(Long.toString(coming))) {
                assertThat(s.get("status").asString()).isEqualTo("COMING");
            }
        });

        long ended = sale(skuId, 3, "5.00", Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600), 1);
        jdbc.update("UPDATE flash_sale SET start_at = ?, end_at = ? WHERE id = ?",
                InstantTypeHandler.sqlText(Instant.now().minusSeconds(120)),
                InstantTypeHandler.sqlText(Instant.now().minusSeconds(1)), ended);
        assertProblem(buy("2001", ended), 409, "SALE_NOT_ACTIVE");
        assertThat(ticketCount(ended)).isZero();

        sweep.settleEnded();
        assertThat(counters(skuId)).as("the ended sale's units are free stock again").containsEntry("stock", 8)
                .containsEntry("reserved", 2);

        assertProblem(buy("2001", 42), 404, "FLASH_SALE_NOT_FOUND");
        assertProblem(TestHttp.postJson(base + "/api/order/flash-sales/nope/buy", "", "X-User-Id", "2001"), 404,
                "FLASH_SALE_NOT_FOUND");
        assertProblem(TestHttp.get(base + "/api/order/flash-sales/tickets/12345", "X-User-Id", "2001"), 404,
                "TICKET_NOT_FOUND");
    }

    @Test
    void manyBuyersForThreeUnitsGetExactlyThreeOrdersAtTheSalePriceAndTheRestSoldOutOrLimitReached()
            throws Exception {
        long skuId = sku(19900, 10);
        long saleId = sale(skuId, 3, "9.90", Instant.now().minusSeconds(1), Instant.now().plusSeconds(3600), 1);
        List<String> users = newUsers(15);
        List<TestHttp.Response> answers = burst(users, 2, saleId);

        List<String> tickets = new ArrayList<>();
        int soldOut = 0;
        int limitReached = 0;
        for (TestHttp.Response answer : answers) {
            if (answer.status() == 202) {
                JsonNode ticket = json.readTree(answer.body());
                assertThat(ticket.get("status").asString()).isEqualTo("QUEUED");
                assertThat(ticket.get("saleId").asString()).isEqualTo(Long.toString(saleId));
                tickets.add(ticket.get("ticketId").asString());
            } else {
                assertThat(answer.status()).as(answer.body()).isEqualTo(409);
                String code = json.readTree(answer.body()).get("code").asString();
                assertThat(code).isIn("SOLD_OUT", "LIMIT_REACHED");
                soldOut += "SOLD_OUT".equals(code) ? 1 : 0;
                limitReached += "LIMIT_REACHED".equals(code) ? 1 : 0;
            }
        }
        assertThat(tickets).hasSize(3);
        assertThat(soldOut + limitReached).isEqualTo(27);

        awaitOrdered(saleId, 3);
        List<Map<String, Object>> orders = jdbc.queryForList("SELECT o.user_id, o.biz_type, o.status, o.amount_fen, "
                + "i.price_fen, i.quantity FROM flash_sale_ticket t JOIN orders o ON o.order_no = t.order_no "
                + "JOIN order_item i ON i.order_id = o.id WHERE t.sale_id = ?", saleId);
        assertThat(orders).hasSize(3).allSatisfy(order -> {
            assertThat(order).containsEntry("biz_type", "GOODS").containsEntry("status", "UNPAID")
                    .containsEntry("quantity", 1);
            assertThat(((Number) order.get("amount_fen")).longValue()).isEqualTo(990);
            assertThat(((Number) order.get("price_fen")).longValue()).isEqualTo(990);
        });
        assertThat(orders.stream().map(o -> o.get("user_id")).distinct()).as("one unit per buyer").hasSize(3);
        assertThat(counters(skuId)).containsEntry("stock", 7).containsEntry("reserved", 3);

        String owner = jdbc.queryForObject("SELECT user_id FROM flash_sale_ticket WHERE id = ?", String.class,
                Long.parseLong(tickets.get(0)));
        JsonNode ticket = json.readTree(TestHttp.get(base + "/api/order/flash-sales/tickets/" + tickets.get(0),
                "X-User-Id", owner).body());
        assertThat(ticket.get("status").asString()).isEqualTo("ORDERED");
        JsonNode order = json.readTree(TestHttp.get(base + "/api/order/orders/" + ticket.get("orderNo").asString(),
                "X-User-Id", owner).body());
        assertThat(order.get("amount").asString()).isEqualTo("9.90");
        assertProblem(TestHttp.get(base + "/api/order/flash-sales/tickets/" + tickets.get(0), "X-User-Id", "2999"),
                404, "TICKET_NOT_FOUND");
        assertProblem(buy(owner, saleId), 409, "LIMIT_REACHED");
    }

    @Test
    void aBuyerMayTakeUpToTheLimitAndTheSameIdempotencyKeyGetsTheSameTicket() {
        long skuId = sku(500, 10);
        long saleId = sale(skuId, 5, "1.00", Instant.now().minusSeconds(1), Instant.now().plusSeconds(3600), 2);
        String user = newUsers(1).get(0);
        TestHttp.Response first = TestHttp.postJson(base + "/api/order/flash-sales/" + saleId + "/buy", "",
                "X-User-Id", user, "Idempotency-Key", "flash-1");
        TestHttp.Response again = TestHttp.postJson(base + "/api/order/flash-sales/" + saleId + "/buy", "",
                "X-User-Id", user, "Idempotency-Key", "flash-1");
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(json.readTree(again.body()).get("ticketId").asString())
                .isEqualTo(json.readTree(first.body()).get("ticketId").asString());
        assertThat(ticketCount(saleId)).isEqualTo(1);

        assertThat(buy(user, saleId).status()).isEqualTo(202);
        assertProblem(buy(user, saleId), 409, "LIMIT_REACHED");
        awaitOrdered(saleId, 2);
        assertThat(remaining(saleId)).isEqualTo(3);
    }

    @Test
    void aTicketWhoseOrderCannotBeCreatedFailsAndItsUnitGoesToTheNextBuyer() {
        long skuId = sku(800, 5);
        long saleId = sale(skuId, 1, "2.00", Instant.now().minusSeconds(1), Instant.now().plusSeconds(3600), 1);
        jdbc.update("UPDATE sku SET status = 'OFF_SALE' WHERE id = ?", skuId);
        String alice = newUsers(1).get(0);
        String ticketId = json.readTree(buy(alice, saleId).body()).get("ticketId").asString();

        await(() -> "FAILED".equals(ticketStatus(ticketId)));
        JsonNode ticket = json.readTree(TestHttp.get(base + "/api/order/flash-sales/tickets/" + ticketId,
                "X-User-Id", alice).body());
        assertThat(ticket.get("reason").asString()).contains("SKU_NOT_FOUND");
        assertThat(ticket.get("orderNo").isNull()).isTrue();
        assertThat(remaining(saleId)).isEqualTo(1);

        jdbc.update("UPDATE sku SET status = 'ON_SALE' WHERE id = ?", skuId);
        await(() -> Integer.valueOf(1).equals(unitsInRedis(saleId)));
        String bob = newUsers(1).get(0);
        TestHttp.Response bought = buy(bob, saleId);
        assertThat(bought.status()).as(bought.body()).isEqualTo(202);
        String bobTicket = json.readTree(bought.body()).get("ticketId").asString();
        await(() -> "ORDERED".equals(ticketStatus(bobTicket)));
        assertThat(remaining(saleId)).isZero();
    }

    @Test
    void aTimedOutOrderGivesItsUnitBackToTheSaleAndALaterBuyerGetsIt() throws Exception {
        long skuId = sku(1500, 4);
        long saleId = sale(skuId, 1, "3.00", Instant.now().minusSeconds(1), Instant.now().plusSeconds(3600), 1);
        List<String> users = newUsers(2);
        String alice = users.get(0);
        String bob = users.get(1);
        String aliceTicket = json.readTree(buy(alice, saleId).body()).get("ticketId").asString();
        assertProblem(buy(bob, saleId), 409, "SOLD_OUT");
        await(() -> "ORDERED".equals(ticketStatus(aliceTicket)));
        String orderNo = jdbc.queryForObject("SELECT order_no FROM flash_sale_ticket WHERE id = ?", String.class,
                Long.parseLong(aliceTicket));

        OrderTimeoutDue due = new OrderTimeoutDue(UUID.randomUUID().toString(), Instant.now(), orderNo, Instant.now());
        publish(OrderTimeoutDue.TOPIC, orderNo, due);
        publish(OrderTimeoutDue.TOPIC, orderNo, new OrderTimeoutDue(UUID.randomUUID().toString(), Instant.now(),
                orderNo, Instant.now()));
        await(() -> "CLOSED".equals(jdbc.queryForObject("SELECT status FROM orders WHERE order_no = ?", String.class,
                orderNo)));
        await(() -> Integer.valueOf(1).equals(unitsInRedis(saleId)));
        assertThat(remaining(saleId)).as("back to the sale once, whatever the redeliveries").isEqualTo(1);
        assertThat(counters(skuId)).as("not to free stock").containsEntry("stock", 3).containsEntry("reserved", 1);
        assertThat(jdbc.queryForObject("SELECT status FROM stock_reservation WHERE order_id = ?", String.class,
                Long.parseLong(orderNo))).isEqualTo("RELEASED");

        TestHttp.Response later = buy(bob, saleId);
        assertThat(later.status()).as(later.body()).isEqualTo(202);
        String bobTicket = json.readTree(later.body()).get("ticketId").asString();
        await(() -> "ORDERED".equals(ticketStatus(bobTicket)));
        assertThat(remaining(saleId)).isZero();
        assertThat(counters(skuId)).containsEntry("stock", 3).containsEntry("reserved", 1);
        assertProblem(buy(newUsers(1).get(0), saleId), 409, "SOLD_OUT");
    }

    @Test
    void redisLosingTheSaleMidSaleNeitherOversellsNorLosesAUnit() throws Exception {
        long skuId = sku(2000, 20);
        long saleId = sale(skuId, 6, "1.00", Instant.now().minusSeconds(1), Instant.now().plusSeconds(3600), 1);
        List<String> early = newUsers(3);
        for (String user : early) {
            assertThat(buy(user, saleId).status()).isEqualTo(202);
        }

        forgetSale(saleId); // Redis restarted without the sale's keys
        for (String user : early) {
            assertProblem(buy(user, saleId), 409, "LIMIT_REACHED");
        }
        List<TestHttp.Response> answers = burst(newUsers(20), 1, saleId);
        assertThat(answers.stream().filter(a -> a.status() == 202)).hasSize(3);
        assertThat(answers.stream().filter(a -> a.status() == 409)).hasSize(17);

        // Redis comes back from an old snapshot: six units left, no buyer counted
        redisson.getMap(FlashSaleStock.saleKey(saleId), StringCodec.INSTANCE).put("units", "6");
        redisson.getKeys().delete(FlashSaleStock.usersKey(saleId));
        assertProblem(buy(early.get(0), saleId), 409, "SOLD_OUT");
        List<TestHttp.Response> late = burst(newUsers(10), 1, saleId);
        assertThat(late).allSatisfy(a -> assertProblem(a, 409, "SOLD_OUT"));

        awaitOrdered(saleId, 6);
        assertThat(ticketCount(saleId)).isEqualTo(6);
        assertThat(remaining(saleId)).isZero();
        assertThat(counters(skuId)).containsEntry("stock", 14).containsEntry("reserved", 6);

        sweep.resyncRunning();
        assertProblem(buy(newUsers(1).get(0), saleId), 409, "SOLD_OUT");
        assertThat(unitsInRedis(saleId)).as("Redis agrees with the database again").isZero();
    }

    @Test
    void redisLosingTheSaleOverAndOverDuringABurstStillSellsEveryUnitOnce() throws Exception {
        long skuId = sku(2000, 20);
        long saleId = sale(skuId, 10, "1.00", Instant.now().minusSeconds(1), Instant.now().plusSeconds(3600), 1);
        AtomicBoolean running = new AtomicBoolean(true);
        // Redis loses the sale every 100 ms while forty buyers race for ten units
        Thread forgetter = new Thread(() -> {
            while (running.get()) {
                forgetSale(saleId);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        forgetter.start();
        List<TestHttp.Response> answers;
        try {
            answers = burst(newUsers(40), 1, saleId);
        } finally {
            running.set(false);
            forgetter.join();
        }
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(202, 409));
        assertThat(answers.stream().filter(a -> a.status() == 202)).as("no unit oversold, none lost").hasSize(10);
        awaitOrdered(saleId, 10);
        assertThat(remaining(saleId)).isZero();
    }

    // --- helpers

    private long sku(long priceFen, int stock) {
        long id = SKU_IDS.incrementAndGet();
        jdbc.update("INSERT INTO sku (id, name, price_fen, stock, status) VALUES (?, ?, ?, ?, 'ON_SALE')", id,
                "Flash SKU " + id, priceFen, stock);
        return id;
    }

    private static List<String> newUsers(int count) {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(Long.toString(USERS.incrementAndGet()));
        }
        return users;
    }

    private static String at(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private String body(long skuId, int units, String price, String startAt, String endAt, Integer limit) {
        return "{\"skuId\":\"" + skuId + "\",\"units\":" + units + ",\"price\":\"" + price + "\",\"startAt\":\""
                + startAt + "\",\"endAt\":\"" + endAt + "\"" + (limit == null ? "" : ",\"limitPerUser\":" + limit) + "}";
    }

    private TestHttp.Response create(String user, long skuId, int units, String price, String startAt, String endAt,
            Integer limit) {
        return TestHttp.postJson(base + "/api/order/flash-sales", body(skuId, units, price, startAt, endAt, limit),
                "X-User-Id", user, "X-User-Roles", "ADMIN");
    }

    private long sale(long skuId, int units, String price, Instant startAt, Instant endAt, int limit) {
        TestHttp.Response created = create(ADMIN, skuId, units, price, at(startAt), at(endAt), limit);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Long.parseLong(json.readTree(created.body()).get("saleId").asString());
    }

    private TestHttp.Response buy(String user, long saleId) {
        return TestHttp.postJson(base + "/api/order/flash-sales/" + saleId + "/buy", "", "X-User-Id", user);
    }

    /** Every user buys {@code each} times, all released at once. */
    private List<TestHttp.Response> burst(List<String> users, int each, long saleId) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TestHttp.Response>> futures = new ArrayList<>();
        for (int round = 0; round < each; round++) {
            for (String user : users) {
                futures.add(pool.submit((Callable<TestHttp.Response>) () -> {
                    start.await();
                    return buy(user, saleId);
                }));
            }
        }
        start.countDown();
        List<TestHttp.Response> answers = new ArrayList<>();
        for (Future<TestHttp.Response> future : futures) {
            answers.add(future.get());
        }
        pool.shutdown();
        return answers;
    }

    private void forgetSale(long saleId) {
        redisson.getKeys().delete(FlashSaleStock.saleKey(saleId), FlashSaleStock.usersKey(saleId));
    }

    private Integer unitsInRedis(long saleId) {
        String units = (String) redisson.getMap(FlashSaleStock.saleKey(saleId), StringCodec.INSTANCE).get("units");
        return units == null ? null : Integer.valueOf(units);
    }

    private void awaitOrdered(long saleId, int count) {
        await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM flash_sale_ticket WHERE sale_id = ? AND status = 'ORDERED'",
                Integer.class, saleId) == count);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flash_sale_ticket WHERE sale_id = ? AND status <> 'ORDERED'",
                Integer.class, saleId)).isZero();
    }

    private int ticketCount(long saleId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM flash_sale_ticket WHERE sale_id = ?", Integer.class, saleId);
    }

    private String ticketStatus(String ticketId) {
        return jdbc.queryForObject("SELECT status FROM flash_sale_ticket WHERE id = ?", String.class,
                Long.parseLong(ticketId));
    }

    private int remaining(long saleId) {
        return jdbc.queryForObject("SELECT remaining FROM flash_sale WHERE id = ?", Integer.class, saleId);
    }

    private Map<String, Object> counters(long skuId) {
        return jdbc.queryForMap("SELECT stock, reserved, sold FROM sku WHERE id = ?", skuId);
    }

    private void publish(String destination, String key, Object event) {
        rocketmq.syncSend(destination, MessageBuilder.withPayload(json.writeValueAsString(event))
                .setHeader(RocketMQHeaders.KEYS, key).build());
    }

    private void assertProblem(TestHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo(code);
    }
}
