package io.tongbao.order.notification;

import static io.tongbao.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.ActiveProfiles;

import io.tongbao.order.api.BizType;
import io.tongbao.order.api.event.OrderEvent;
import io.tongbao.testing.RealMiddleware;
import io.tongbao.testing.SseClient;
import io.tongbao.testing.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** order-events → one notification per event, the list and the live stream, on the real parts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tongbao.notifications.heartbeat=PT0.3S")
@ActiveProfiles("local")
@RealMiddleware(database = "order")
class NotificationIT {

    private static final Duration SOON = Duration.ofSeconds(10);

    @LocalServerPort
    int port;
    @Autowired
    RocketMQTemplate rocketmq;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NotificationStreams streams;

    @Test
    void aPaidGoodsOrderDeliveredThreeTimesGivesOneNotificationWithAPickupCodeOnTheOpenStream() {
        long user = newUser();
        try (SseClient stream = SseClient.open(uri("/api/order/notifications/stream"), "X-User-Id", Long.toString(user))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            assertThat(stream.header("X-Accel-Buffering")).isEqualTo("no");
            OrderEvent paid = event(OrderEvent.Type.PAID, user, BizType.GOODS, 1250, 1250, 0);
            for (int i = 0; i < 3; i++) {
                publish(paid);
            }
            SseClient.Event received = stream.await(e -> e.data().contains(paid.orderNo()), SOON);
            assertThat(received.name()).isEqualTo("ORDER_PAID");
            JsonNode body = json.readTree(received.data());
            assertThat(body.get("type").asString()).isEqualTo("ORDER_PAID");
            assertThat(body.get("bizType").asString()).isEqualTo("GOODS");
            assertThat(body.get("useCode").asString()).matches("\\d{6}");
            assertThat(body.get("notificationId").isString()).isTrue();
            assertThat(received.id()).isEqualTo(body.get("notificationId").asString());
            assertThat(body.get("body").asString()).contains("12.50").contains(body.get("useCode").asString());

            // a later event of the same user: once it is here, every delivery of the first has been handled
            OrderEvent marker = event(OrderEvent.Type.CLOSED, user, BizType.COURSE, 800, 0, 0);
            publish(marker);
            SseClient.Event next = stream.await(e -> true, SOON);
            assertThat(next.data()).as("nothing between the paid event and the marker").contains(marker.orderNo());
            assertThat(next.name()).isEqualTo("ORDER_CLOSED");
            assertThat(json.readTree(next.data()).get("useCode").isNull()).isTrue();
            await(() -> rows(paid.eventId()) == 1 && inboxRows(paid.eventId()) == 1);
            assertThat(rows(paid.eventId())).isEqualTo(1);
        }
    }

    @Test
    void theListIsTheCallersOwnNewestFirstWithAPickupCodeOnlyForPaidGoods() {
        long user = newUser();
        OrderEvent course = event(OrderEvent.Type.PAID, user, BizType.COURSE, 990, 990, 0);
        OrderEvent goods = event(OrderEvent.Type.PAID, user, BizType.GOODS, 500, 500, 0);
        OrderEvent someoneElses = event(OrderEvent.Type.PAID, newUser(), BizType.GOODS, 500, 500, 0);
        publish(course);
        await(() -> rows(course.eventId()) == 1);
        publish(goods);
        publish(someoneElses);
        await(() -> rows(goods.eventId()) == 1 && rows(someoneElses.eventId()) == 1);

        TestHttp.Response response = TestHttp.get(base() + "/api/order/notifications?page=1&size=10",
                "X-User-Id", Long.toString(user));
        assertThat(response.status()).isEqualTo(200);
        JsonNode page = json.readTree(response.body());
        assertThat(page.get("total").asLong()).isEqualTo(2);
        JsonNode items = page.get("items");
        assertThat(items.get(0).get("orderNo").asString()).isEqualTo(goods.orderNo());
        assertThat(items.get(0).get("useCode").asString()).matches("\\d{6}");
        assertThat(items.get(1).get("orderNo").asString()).isEqualTo(course.orderNo());
        assertThat(items.get(1).get("useCode").isNull()).isTrue();
        assertThat(items.get(1).get("createdAt").asString()).endsWith("+08:00");

        TestHttp.Response bad = TestHttp.get(base() + "/api/order/notifications?size=1000", "X-User-Id", Long.toString(user));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body()).contains("VALIDATION_FAILED");
    }

    @Test
    void pickupCodesAreUniqueAmongOpenCodesAndAFullRefundFreesTheCode() {
        long user = newUser();
        OrderEvent first = event(OrderEvent.Type.PAID, user, BizType.GOODS, 300, 300, 0);
        OrderEvent second = event(OrderEvent.Type.PAID, user, BizType.GOODS, 300, 300, 0);
        publish(first);
        publish(second);
        await(() -> rows(first.eventId()) == 1 && rows(second.eventId()) == 1);
        String a = useCode(first.eventId());
        String b = useCode(second.eventId());
        assertThat(a).isNotEqualTo(b);
        assertThat(openCodeOf(first.orderNo())).isEqualTo(a);

        OrderEvent partial = new OrderEvent(UUID.randomUUID().toString(), Instant.now(), OrderEvent.Type.REFUNDED,
                first.orderNo(), user, BizType.GOODS, "b", 300, 300, "pay-" + first.orderNo(), 100);
        publish(partial);
        await(() -> rows(partial.eventId()) == 1);
        assertThat(openCodeOf(first.orderNo())).as("still open after a partial refund").isEqualTo(a);
        OrderEvent full = new OrderEvent(UUID.randomUUID().toString(), Instant.now(), OrderEvent.Type.REFUNDED,
                first.orderNo(), user, BizType.GOODS, "b", 300, 300, "pay-" + first.orderNo(), 300);
        publish(full);
        await(() -> rows(full.eventId()) == 1);
        assertThat(openCodeOf(first.orderNo())).isNull();
        assertThat(openCodeOf(second.orderNo())).isEqualTo(b);
        assertThat(useCode(full.eventId())).isNull();
    }

    @Test
    void aStreamReopenedWithLastEventIdFirstGetsWhatItMissedThenHeartbeats() {
        long user = newUser();
        OrderEvent seen = event(OrderEvent.Type.CLOSED, user, BizType.GOODS, 100, 0, 0);
        OrderEvent missed1 = event(OrderEvent.Type.CLOSED, user, BizType.GOODS, 200, 0, 0);
        OrderEvent missed2 = event(OrderEvent.Type.PAID, user, BizType.COIN_RECHARGE, 300, 300, 0);
        String lastEventId;
        try (SseClient stream = SseClient.open(uri("/api/order/notifications/stream"), "X-User-Id", Long.toString(user))) {
            publish(seen);
            lastEventId = stream.await(e -> e.data().contains(seen.orderNo()), SOON).id();
        }
        publish(missed1);
        await(() -> rows(missed1.eventId()) == 1);
        publish(missed2);
        await(() -> rows(missed2.eventId()) == 1);

        try (SseClient stream = SseClient.open(uri("/api/order/notifications/stream"), "X-User-Id", Long.toString(user),
                "Last-Event-ID", lastEventId)) {
            List<String> replayed = List.of(stream.await(e -> true, SOON).data(), stream.await(e -> true, SOON).data());
            assertThat(replayed.get(0)).contains(missed1.orderNo());
            assertThat(replayed.get(1)).contains(missed2.orderNo());
            int before = stream.comments();
            await(() -> stream.comments() > before);
        }
        await(() -> streams.openStreams() == 0);
    }

    @Test
    void aSixthStreamOfTheSameUserEndsTheOldestAndStillGetsEvents() {
        long user = newUser();
        List<SseClient> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i <= NotificationStreams.MAX_STREAMS_PER_USER; i++) {
                open.add(SseClient.open(uri("/api/order/notifications/stream"), "X-User-Id", Long.toString(user)));
            }
            await(() -> open.get(0).ended());
            OrderEvent closed = event(OrderEvent.Type.CLOSED, user, BizType.GOODS, 100, 0, 0);
            publish(closed);
            assertThat(open.get(NotificationStreams.MAX_STREAMS_PER_USER).await(e -> true, SOON).data())
                    .contains(closed.orderNo());
        } finally {
            open.forEach(SseClient::close);
        }
    }

    private OrderEvent event(OrderEvent.Type type, long user, BizType bizType, long amountFen, long paidFen,
            long refundedFen) {
        String orderNo = "N" + System.nanoTime();
        return new OrderEvent(UUID.randomUUID().toString(), Instant.now(), type, orderNo, user, bizType, "biz-" + orderNo,
                amountFen, paidFen, type == OrderEvent.Type.CLOSED ? null : "pay-" + orderNo, refundedFen);
    }

    private void publish(OrderEvent event) {
        rocketmq.syncSend(OrderEvent.TOPIC + ":" + event.type().name(), MessageBuilder
                .withPayload(json.writeValueAsString(event)).setHeader(RocketMQHeaders.KEYS, event.orderNo()).build());
    }

    private int rows(String eventId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE event_id = ?", Integer.class, eventId);
    }

    private int inboxRows(String eventId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inbox_message WHERE consumer_group = ? AND event_id = ?",
                Integer.class, Notifications.GROUP, eventId);
    }

    private String useCode(String eventId) {
        return jdbc.queryForObject("SELECT use_code FROM notification WHERE event_id = ?", String.class, eventId);
    }

    private String openCodeOf(String orderNo) {
        return jdbc.queryForList("SELECT code FROM open_use_code WHERE order_no = ?", String.class, orderNo).stream()
                .findFirst().orElse(null);
    }

    private static long newUser() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private URI uri(String path) {
        return URI.create(base() + path);
    }
}
