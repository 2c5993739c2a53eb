package io.tongbao.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import io.tongbao.testing.RealMiddleware;
import io.tongbao.testing.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The generic order on the real parts: one order per business record, guarded transitions, the timeout timer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealMiddleware(database = "order")
class OrderCheckoutIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final BlockingQueue<MessageExt> TIMEOUTS = new LinkedBlockingQueue<>();

    private final JdbcTemplate jdbc;
    private final OrderMapper orders;
    private final String base;

    @Autowired
    OrderCheckoutIT(JdbcTemplate jdbc, OrderMapper orders, @Value("${local.server.port}") int port) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.base = "http://127.0.0.1:" + port;
    }

    @TestConfiguration
    static class TimeoutProbe {
        @Bean
        Probe timeoutProbe() {
            return new Probe();
        }
    }

    @RocketMQMessageListener(topic = "order-timeout", consumerGroup = "order-service-it-timeout-probe")
    static class Probe implements RocketMQListener<MessageExt> {
        @Override
        public void onMessage(MessageExt message) {
            TIMEOUTS.add(message);
        }
    }

    private static String recharge(long userId, String bizId, Long timeoutSeconds) {
        return """
                {"userId":"%d","bizType":"COIN_RECHARGE","bizId":"%s","timeoutSeconds":%s,
                 "items":[{"itemType":"POD","itemId":"30002","name":"300 coins + 30 gift","quantity":1,"priceFen":"3000"}]}"""
                .formatted(userId, bizId, timeoutSeconds == null ? "null" : timeoutSeconds.toString());
    }

    private JsonNode create(String body) {
        TestHttp.Response response = TestHttp.postJson(base + "/internal/order/orders", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void createsOneOrderPerBusinessRecordWithTheAmountFromTheItems() {
        String bizId = "r-" + UUID.randomUUID();
        JsonNode first = create(recharge(1001, bizId, null));
        JsonNode again = create(recharge(1001, bizId, null));
        assertThat(again.get("orderNo").asString()).isEqualTo(first.get("orderNo").asString());
        assertThat(first.get("status").asString()).isEqualTo("UNPAID");
        assertThat(first.get("amount").asString()).isEqualTo("30.00");
        assertThat(first.get("currency").asString()).isEqualTo("CNY");
        assertThat(first.get("items").get(0).get("price").asString()).isEqualTo("30.00");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE biz_id = ?", Integer.class, bizId)).isEqualTo(1);
    }

    @Test
    void makesOneOrderWhenTenCreatesOfOneRecordRace() throws Exception {
        String bizId = "race-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<String>> calls = java.util.stream.IntStream.range(0, 10)
                .<Callable<String>>mapToObj(i -> () -> create(recharge(1001, bizId, null)).get("orderNo").asString())
                .toList();
        Set<String> orderNos = pool.invokeAll(calls).stream().map(OrderCheckoutIT::get).collect(Collectors.toSet());
        pool.shutdown();
        assertThat(orderNos).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE biz_id = ?", Integer.class, bizId)).isEqualTo(1);
    }

    @Test
    void refusesTheSameBusinessRecordForAnotherUser() {
        String bizId = "r-" + UUID.randomUUID();
        create(recharge(1001, bizId, null));
        TestHttp.Response response = TestHttp.postJson(base + "/internal/order/orders", recharge(2002, bizId, null));
        assertThat(response.status()).isEqualTo(409);
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("BIZ_KEY_CONFLICT");
    }

    @Test
    void refusesBadItemsAndCreatesNothing() {
        String bizId = "bad-" + UUID.randomUUID();
        String body = recharge(1001, bizId, null).replace("\"quantity\":1", "\"quantity\":0");
        TestHttp.Response response = TestHttp.postJson(base + "/internal/order/orders", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE biz_id = ?", Integer.class, bizId)).isZero();
    }

    @Test
    void showsAnOrderOnlyToItsOwner() {
        String orderNo = create(recharge(1001, "r-" + UUID.randomUUID(), null)).get("orderNo").asString();
        TestHttp.Response mine = TestHttp.get(base + "/api/order/orders/" + orderNo, "X-User-Id", "1001");
        TestHttp.Response theirs = TestHttp.get(base + "/api/order/orders/" + orderNo, "X-User-Id", "2002");
        TestHttp.Response missing = TestHttp.get(base + "/api/order/orders/123", "X-User-Id", "1001");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(JSON.readTree(theirs.body()).get("code").asString()).isEqualTo("ORDER_NOT_FOUND");
        String traceId = "\"traceId\":\"[0-9a-f]+\"";
        assertThat(theirs.body().replace(orderNo, "N").replaceAll(traceId, ""))
                .as("the same answer as a missing order, but for its own trace id")
                .isEqualTo(missing.body().replace("123", "N").replaceAll(traceId, ""));
    }

    @Test
    void movesEachStateOnlyFromTheStateItExpects() {
        String orderNo = create(recharge(1001, "r-" + UUID.randomUUID(), null)).get("orderNo").asString();
        assertThat(orders.updateUnpaidToPaid(orderNo, 3000, Instant.now(), "pay-1")).isEqualTo(1);
        assertThat(orders.updateUnpaidToPaid(orderNo, 3000, Instant.now(), "pay-2")).as("paid twice").isZero();
        assertThat(orders.updateUnpaidToClosed(orderNo, Instant.now())).as("closed after paid").isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM orders WHERE order_no = ?", String.class, orderNo))
                .isEqualTo("PAID");
    }

    @Test
    void deliversTheTimeoutTimerThroughTheOutboxNoEarlierThanTheExpiry() throws InterruptedException {
        String orderNo = create(recharge(1001, "t-" + UUID.randomUUID(), 3L)).get("orderNo").asString();
        Instant expireAt = jdbc.queryForObject("SELECT expire_at FROM orders WHERE order_no = ?", java.sql.Timestamp.class,
                orderNo).toInstant();
        assertThat(jdbc.queryForObject("SELECT deliver_at FROM outbox_message WHERE message_key = ? AND topic = 'order-timeout'",
                java.sql.Timestamp.class, orderNo).toInstant())
                .as("the timer is due at the expiry to the millisecond (plain JDBC binds keep the fraction)")
                .isEqualTo(expireAt);
        MessageExt timer = awaitTimeout(orderNo, Duration.ofSeconds(40));
        assertThat(timer).as("no order-timeout message for " + orderNo).isNotNull();
        assertThat(Instant.now()).isAfterOrEqualTo(expireAt.minusMillis(1_000));
        JsonNode payload = JSON.readTree(new String(timer.getBody(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(payload.get("orderNo").asString()).isEqualTo(orderNo);
        assertThat(payload.get("eventId").asString()).isNotBlank();
        assertThat(jdbc.queryForObject("SELECT status FROM outbox_message WHERE message_key = ?", String.class, orderNo))
                .isEqualTo("SENT");
    }

    private static MessageExt awaitTimeout(String orderNo, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            MessageExt m = TIMEOUTS.poll(200, TimeUnit.MILLISECONDS);
            if (m != null && orderNo.equals(m.getKeys())) {
                return m;
            }
        }
        return null;
    }

    private static String get(Future<String> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
