package io.tongbao.localstack;

import static io.tongbao.localstack.StackClient.JSON;
import static io.tongbao.localstack.StackClient.awaitValue;
import static io.tongbao.localstack.StackClient.call;
import static io.tongbao.localstack.StackClient.db;
import static io.tongbao.localstack.StackClient.devToken;
import static io.tongbao.localstack.StackClient.sandbox;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

import io.tongbao.testing.SseClient;
import tools.jackson.databind.JsonNode;

/**
 * The notification stream through the gateway (API.md, "Notifications"): an order event reaches the user's open
 * stream within a second, exactly once however often the broker delivers it, and a stream reopened with
 * Last-Event-ID gets what it missed.
 */
@ExtendWith(LocalStack.class)
class NotificationStreamIT {

    private static final AtomicLong USERS = new AtomicLong(870_000 + System.currentTimeMillis() % 10_000 * 10);
    private static final Duration SOON = Duration.ofSeconds(30);
    private static JdbcTemplate orderDb;
    private static DefaultMQProducer broker;

    @BeforeAll
    static void connect() throws Exception {
        orderDb = db("order");
        broker = new DefaultMQProducer("notification-stream-it");
        broker.setNamesrvAddr(LocalStack.NAMESRV);
        broker.start();
    }

    @AfterAll
    static void disconnect() {
        broker.shutdown();
    }

    @Test
    void aPaidRechargeIsOnTheStreamWithinASecondOfItsOrderEventAndOnlyOnceWhenTheEventComesAgain() throws Exception {
        String token = devToken(USERS.incrementAndGet());
        try (SseClient stream = SseClient.open(LocalStack.gateway("/api/order/notifications/stream"),
                "Authorization", "Bearer " + token)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            assertThat(stream.header("X-Accel-Buffering")).isEqualTo("no");

            String orderNo = call("POST", "/api/coin/recharges", token, "{\"podId\":\"30001\"}", 201).get("orderNo").asString();
            String payNo = call("POST", "/api/payment/payments", token,
                    "{\"orderNo\":\"" + orderNo + "\",\"channel\":\"ALIPAY\",\"mode\":\"QR\"}", 201).get("payNo").asString();
            sandbox("/sandbox/alipay/trades/" + payNo + "/pay", "");

            SseClient.Event paid = stream.await(e -> e.data().contains(orderNo), SOON);
            assertThat(paid.name()).isEqualTo("ORDER_PAID");
            JsonNode notification = JSON.readTree(paid.data());
            assertThat(notification.get("bizType").asString()).isEqualTo("COIN_RECHARGE");
            assertThat(notification.get("useCode").isNull()).isTrue();
            String event = paidEvent(orderNo);
            Instant occurredAt = Instant.parse(JSON.readTree(event).get("occurredAt").asString());
            assertThat(Duration.between(occurredAt, paid.receivedAt()))
                    .as("from the order event to the browser's stream, through the gateway").isLessThan(Duration.ofSeconds(1));

            // the broker delivers the same order event twice more; then a later event of the same user
            for (int i = 0; i < 2; i++) {
                Message again = new Message("order-events", "PAID", orderNo, event.getBytes(StandardCharsets.UTF_8));
                assertThat(broker.send(again).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            }
            String marker = call("POST", "/api/coin/recharges", token, "{\"podId\":\"30001\"}", 201).get("orderNo").asString();
            call("POST", "/api/order/orders/" + marker + "/cancel", token, null, 200);
            SseClient.Event next = stream.await(e -> true, SOON);
            assertThat(next.data()).as("the marker comes next: no second notification of the paid event").contains(marker);
            assertThat(next.name()).isEqualTo("ORDER_CLOSED");
            JsonNode list = call("GET", "/api/order/notifications?page=1&size=20", token, null, 200);
            assertThat(list.get("total").asLong()).isEqualTo(2);
            assertThat(list.get("items").get(0).get("orderNo").asString()).isEqualTo(marker);
            assertThat(list.get("items").get(1).get("notificationId").asString()).isEqualTo(paid.id());
        }
    }

    @Test
    void aPaidGoodsOrderCarriesAPickupCodeAndAReopenedStreamGetsWhatItMissed() {
        long user = USERS.incrementAndGet();
        String token = devToken(user);
        String sku = Long.toString(860_000 + System.currentTimeMillis() % 10_000 * 10 + user % 10);
        orderDb.update("INSERT INTO sku (id, name, price_fen, stock, status) VALUES (?, ?, 150, 5, 'ON_SALE')",
                Long.parseLong(sku), "Stream SKU " + sku);
        String first = goodsOrder(token, sku);
        String lastEventId;
        try (SseClient stream = SseClient.open(LocalStack.gateway("/api/order/notifications/stream"),
                "Authorization", "Bearer " + token)) {
            call("POST", "/api/order/orders/" + first + "/cancel", token, null, 200);
            lastEventId = stream.await(e -> e.data().contains(first), SOON).id();
        }
        String paid = goodsOrder(token, sku);
        String payNo = call("POST", "/api/payment/payments", token,
                "{\"orderNo\":\"" + paid + "\",\"channel\":\"ALIPAY\",\"mode\":\"QR\"}", 201).get("payNo").asString();
        sandbox("/sandbox/alipay/trades/" + payNo + "/pay", "");
        awaitValue(() -> call("GET", "/api/order/notifications?page=1&size=5", token, null, 200).get("total").asLong(), 2L);

        try (SseClient stream = SseClient.open(LocalStack.gateway("/api/order/notifications/stream"),
                "Authorization", "Bearer " + token, "Last-Event-ID", lastEventId)) {
            SseClient.Event missed = stream.await(e -> true, SOON);
            assertThat(missed.name()).isEqualTo("ORDER_PAID");
            JsonNode notification = JSON.readTree(missed.data());
            assertThat(notification.get("orderNo").asString()).isEqualTo(paid);
            assertThat(notification.get("useCode").asString()).matches("\\d{6}");
        }
    }

    private static String goodsOrder(String token, String sku) {
        return call("POST", "/api/order/orders", token, "{\"items\":[{\"skuId\":\"" + sku + "\",\"quantity\":1}]}", 201)
                .get("orderNo").asString();
    }

    private static String paidEvent(String orderNo) {
        return orderDb.queryForObject("SELECT payload FROM outbox_message WHERE topic = 'order-events' AND tag = 'PAID' "
                + "AND message_key = ?", String.class, orderNo);
    }
}
