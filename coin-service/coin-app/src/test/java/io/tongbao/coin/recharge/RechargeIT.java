package io.tongbao.coin.recharge;

import static io.tongbao.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

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

import com.sun.net.httpserver.HttpServer;

import io.tongbao.order.api.BizType;
import io.tongbao.order.api.event.OrderEvent;
import io.tongbao.testing.RealMiddleware;
import io.tongbao.testing.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coin recharges on the real parts. order-service's internal create API is stood in for by a small HTTP stub that
 * records the command it receives (the real interplay is proven end to end through the gateway).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealMiddleware(database = "coin")
class RechargeIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicReference<JsonNode> LAST_COMMAND = new AtomicReference<>();
    private static final HttpServer ORDER_SERVICE = orderServiceStub();

    private final JdbcTemplate jdbc;
    private final RocketMQTemplate rocketmq;
    private final JsonMapper json;
    private final String base;

    @Autowired
    RechargeIT(JdbcTemplate jdbc, RocketMQTemplate rocketmq, JsonMapper json, @Value("${local.server.port}") int port) {
        this.jdbc = jdbc;
        this.rocketmq = rocketmq;
        this.json = json;
        this.base = "http://127.0.0.1:" + port;
    }

    @DynamicPropertySource
    static void orderService(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.order-service[0].uri",
                () -> "http://127.0.0.1:" + ORDER_SERVICE.getAddress().getPort());
    }

    @AfterAll
    static void stopStub() {
        ORDER_SERVICE.stop(0);
    }

    /** Answers POST /internal/order/orders with an UNPAID order whose number is derived from the bizId. */
    private static HttpServer orderServiceStub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/order/orders", exchange -> {
                JsonNode command = JSON.readTree(exchange.getRequestBody().readAllBytes());
                LAST_COMMAND.set(command);
                String body = """
                        {"orderNo":"9%s","userId":"%s","bizType":"COIN_RECHARGE","bizId":"%s","status":"UNPAID",
                         "amount":"30.00","currency":"CNY","paidAmount":"0.00","refundedAmount":"0.00","items":[]}"""
                        .formatted(command.get("bizId").asString(), command.get("userId").asString(),
                                command.get("bizId").asString());
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void createsARechargeWhoseOrderCarriesThePodPriceFromOurOwnData() {
        TestHttp.Response response = TestHttp.postJson(base + "/api/coin/recharges",
                "{\"podId\":\"30002\",\"amount\":\"0.01\"}", "X-User-Id", "1001");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode recharge = JSON.readTree(response.body());
        String rechargeId = recharge.get("rechargeId").asString();
        assertThat(recharge.get("amount").asString()).isEqualTo("30.00");
        assertThat(recharge.get("coin").asInt()).isEqualTo(300);
        assertThat(recharge.get("giftCoin").asInt()).isEqualTo(30);
        assertThat(recharge.get("status").asString()).isEqualTo("UNPAID");
        assertThat(recharge.get("orderNo").asString()).isEqualTo("9" + rechargeId);
        JsonNode command = LAST_COMMAND.get();
        assertThat(command.get("bizType").asString()).isEqualTo("COIN_RECHARGE");
        assertThat(command.get("bizId").asString()).isEqualTo(rechargeId);
        assertThat(command.get("items").get(0).get("priceFen").asLong()).isEqualTo(3000);
        assertThat(TestHttp.get(base + "/api/coin/recharges/" + rechargeId, "X-User-Id", "1001").status()).isEqualTo(200);
        assertThat(TestHttp.get(base + "/api/coin/recharges/" + rechargeId, "X-User-Id", "2002").status()).isEqualTo(404);
    }

    @Test
    void refusesAPodThatIsNotOnSale() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM recharge", Long.class);
        TestHttp.Response response = TestHttp.postJson(base + "/api/coin/recharges", "{\"podId\":\"99999\"}",
                "X-User-Id", "1001");
        assertThat(response.status()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("POD_NOT_FOUND");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recharge", Long.class)).isEqualTo(before);
    }

    @Test
    void creditsCoinAndGiftCoinExactlyOnceWhenThePaidEventArrivesSevenTimes() {
        long user = 5000 + (System.nanoTime() % 1000);
        String orderNo = unpaidRecharge(user);
        OrderEvent paid = event(OrderEvent.Type.PAID, orderNo, user);
        for (int i = 0; i < 5; i++) {
            publish(paid);
        }
        publish(event(OrderEvent.Type.PAID, orderNo, user));
        publish(event(OrderEvent.Type.PAID, orderNo, user));
        await(() -> "PAID".equals(jdbc.queryForObject("SELECT status FROM recharge WHERE order_no = ?", String.class, orderNo)));
        sleep(2_000);
        assertThat(jdbc.queryForObject("SELECT balance FROM wallet WHERE user_id = ?", Long.class, user)).isEqualTo(330);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coin_ledger WHERE user_id = ?", Integer.class, user)).isEqualTo(1);
        JsonNode ledger = JSON.readTree(TestHttp.get(base + "/api/coin/wallet/ledger?page=1&size=10", "X-User-Id",
                Long.toString(user)).body());
        assertThat(ledger.get("total").asLong()).isEqualTo(1);
        assertThat(ledger.get("items").get(0).get("coins").asLong()).isEqualTo(330);
        assertThat(ledger.get("items").get(0).get("balanceAfter").asLong()).isEqualTo(330);
        assertThat(ledger.get("items").get(0).get("bizType").asString()).isEqualTo("COIN_RECHARGE");
    }

    @Test
    void closesTheRechargeWhenItsOrderCloses() {
        long user = 6000 + (System.nanoTime() % 1000);
        String orderNo = unpaidRecharge(user);
        publish(event(OrderEvent.Type.CLOSED, orderNo, user));
        await(() -> "CLOSED".equals(jdbc.queryForObject("SELECT status FROM recharge WHERE order_no = ?", String.class, orderNo)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coin_ledger WHERE user_id = ?", Integer.class, user)).isZero();
    }

    private String unpaidRecharge(long user) {
        long id = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String orderNo = "7" + id;
        jdbc.update("INSERT INTO recharge (id, user_id, pod_id, order_no, amount_fen, coin, gift_coin, status) "
                + "VALUES (?, ?, 30002, ?, 3000, 300, 30, 'UNPAID')", id, user, orderNo);
        return orderNo;
    }

    private static OrderEvent event(OrderEvent.Type type, String orderNo, long user) {
        return new OrderEvent(UUID.randomUUID().toString(), Instant.now(), type, orderNo, user, BizType.COIN_RECHARGE,
                "x", 3000, type == OrderEvent.Type.PAID ? 3000 : 0, "pay-1", 0);
    }

    private void publish(OrderEvent event) {
        rocketmq.syncSend(OrderEvent.TOPIC + ":" + event.type(), MessageBuilder.withPayload(json.writeValueAsString(event))
                .setHeader(RocketMQHeaders.KEYS, event.orderNo()).build());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
