package io.tongbao.learning.choose;

import static io.tongbao.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
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

import com.sun.net.httpserver.HttpServer;

import io.tongbao.order.api.BizType;
import io.tongbao.order.api.event.OrderEvent;
import io.tongbao.testing.RealMiddleware;
import io.tongbao.testing.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A course bought and then refunded in full leaves "my courses" and can be chosen again; a partial refund, or the
 * old refund arriving again after the new purchase, changes nothing. order-service's create API is a small stub.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealMiddleware(database = "learning")
class CourseRefundIT {

    private static final long COURSE = 20002;
    private static final long PRICE_FEN = 19900;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong USERS = new AtomicLong(System.currentTimeMillis());
    private static final HttpServer ORDER_SERVICE = orderServiceStub();

    private final JdbcTemplate jdbc;
    private final RocketMQTemplate rocketmq;
    private final JsonMapper json;
    private final String base;

    @Autowired
    CourseRefundIT(JdbcTemplate jdbc, RocketMQTemplate rocketmq, JsonMapper json,
            @Value("${local.server.port}") int port) {
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

    /** Answers POST /internal/order/orders with an UNPAID order numbered "8" + bizId (the choice id). */
    private static HttpServer orderServiceStub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/order/orders", exchange -> {
                JsonNode command = JSON.readTree(exchange.getRequestBody().readAllBytes());
                String bizId = command.get("bizId").asString();
                byte[] body = """
                        {"orderNo":"8%s","userId":"%s","bizType":"COURSE","bizId":"%s","status":"UNPAID",
                         "amount":"199.00","currency":"CNY","paidAmount":"0.00","refundedAmount":"0.00","items":[]}"""
                        .formatted(bizId, command.get("userId").asString(), bizId).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFullRefundTakesTheCourseOutOfMyCoursesOnceAndItCanBeBoughtAgain() {
        long user = USERS.incrementAndGet();
        JsonNode choice = choose(user);
        long chooseId = Long.parseLong(choice.get("chooseId").asString());
        String orderNo = choice.get("orderNo").asString();
        publish(event(OrderEvent.Type.PAID, user, chooseId, orderNo, 0));
        await(() -> listed(user));

        OrderEvent partial = event(OrderEvent.Type.REFUNDED, user, chooseId, orderNo, 100);
        publish(partial);
        awaitHandled(partial);
        assertThat(listed(user)).as("after a partial refund").isTrue();

        OrderEvent full = event(OrderEvent.Type.REFUNDED, user, chooseId, orderNo, PRICE_FEN);
        publish(full);
        await(() -> !listed(user));
        assertThat(status(chooseId)).isEqualTo("REVOKED");

        JsonNode again = choose(user);
        long newChooseId = Long.parseLong(again.get("chooseId").asString());
        assertThat(newChooseId).isNotEqualTo(chooseId);
        assertThat(again.get("status").asString()).isEqualTo("AWAITING_PAYMENT");
        publish(event(OrderEvent.Type.PAID, user, newChooseId, again.get("orderNo").asString(), 0));
        await(() -> listed(user));

        OrderEvent oldRefundAgain = event(OrderEvent.Type.REFUNDED, user, chooseId, orderNo, PRICE_FEN);
        publish(oldRefundAgain);
        awaitHandled(oldRefundAgain);
        assertThat(listed(user)).as("the new purchase survives the old refund").isTrue();
        assertThat(status(chooseId)).isEqualTo("REVOKED");
        assertThat(status(newChooseId)).isEqualTo("ENROLLED");
    }

    private JsonNode choose(long user) {
        TestHttp.Response response = TestHttp.postJson(base + "/api/learning/choose-courses",
                "{\"courseId\":\"" + COURSE + "\"}", "X-User-Id", Long.toString(user));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private boolean listed(long user) {
        JsonNode mine = JSON.readTree(TestHttp.get(base + "/api/learning/my-courses", "X-User-Id",
                Long.toString(user)).body());
        for (JsonNode course : mine) {
            if (course.get("courseId").asString().equals(Long.toString(COURSE))) {
                return true;
            }
        }
        return false;
    }

    private static OrderEvent event(OrderEvent.Type type, long user, long chooseId, String orderNo, long refundedFen) {
        return new OrderEvent(UUID.randomUUID().toString(), Instant.now(), type, orderNo, user, BizType.COURSE,
                Long.toString(chooseId), PRICE_FEN, PRICE_FEN, "pay-" + orderNo, refundedFen);
    }

    private void publish(OrderEvent event) {
        rocketmq.syncSend(OrderEvent.TOPIC + ":" + event.type(), MessageBuilder
                .withPayload(json.writeValueAsString(event)).setHeader(RocketMQHeaders.KEYS, event.orderNo()).build());
    }

    /** The consumer records the event id in the transaction of its effects: once it is there, it has been handled. */
    private void awaitHandled(OrderEvent event) {
        await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM inbox_message WHERE consumer_group = ? AND event_id = ?",
                Integer.class, Enrolments.GROUP, event.eventId()) == 1);
    }

    private String status(long chooseId) {
        return jdbc.queryForObject("SELECT status FROM choose_course WHERE id = ?", String.class, chooseId);
    }
}
