package io.tongbao.coin.recharge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.ActiveProfiles;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.tongbao.common.messaging.Consumers;
import io.tongbao.order.api.BizType;
import io.tongbao.order.api.event.OrderEvent;
import io.tongbao.testing.RealMiddleware;
import io.tongbao.testing.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dead letters on the real broker: a PAID event for a recharge that does not exist yet fails every redelivery and
 * ends in coin-service's dead letters, where ops see it; once its cause is fixed (the recharge exists) a replay
 * credits the coins, and a second replay is handled without crediting them again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@RealMiddleware(database = "coin")
class DeadLetterReplayIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcTemplate jdbc;
    private final RocketMQTemplate rocketmq;
    private final String base;
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> handledLog = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            if (event.getFormattedMessage().startsWith("Handled message")) {
                handled.add(event.getFormattedMessage());
            }
        }
    };

    @Autowired
    DeadLetterReplayIT(JdbcTemplate jdbc, RocketMQTemplate rocketmq, @Value("${local.server.port}") int port) {
        this.jdbc = jdbc;
        this.rocketmq = rocketmq;
        this.base = "http://127.0.0.1:" + port;
    }

    @BeforeEach
    void watchHandledMessages() {
        handledLog.start();
        ((Logger) LoggerFactory.getLogger(Consumers.class)).addAppender(handledLog);
    }

    @AfterEach
    void stopWatching() {
        ((Logger) LoggerFactory.getLogger(Consumers.class)).detachAppender(handledLog);
    }

    @Test
    void aMessageThatFailsUntilItsCauseIsFixedIsListedAndItsReplayCreditsOnce() {
        long user = 7000 + (System.nanoTime() % 1000);
        long rechargeId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String orderNo = "7" + rechargeId;
        OrderEvent paid = new OrderEvent(UUID.randomUUID().toString(), Instant.now(), OrderEvent.Type.PAID, orderNo,
                user, BizType.COIN_RECHARGE, Long.toString(rechargeId), 3000, 3000, "pay-1", 0);
        rocketmq.syncSend(OrderEvent.TOPIC + ":PAID", MessageBuilder.withPayload(JSON.writeValueAsString(paid))
                .setHeader(RocketMQHeaders.KEYS, orderNo).build());

        // sixteen redeliveries a second apart (the test broker's), then the dead-letter queue
        awaitUpTo(Duration.ofMinutes(2), () -> deadLetter(orderNo) != null);
        JsonNode dead = deadLetter(orderNo);
        assertThat(dead.get("topic").asString()).isEqualTo(OrderEvent.TOPIC);
        assertThat(dead.get("group").asString()).isEqualTo(RechargeCredits.GROUP);
        // counted by the broker as it moved the message: the last of 16 redeliveries failed too
        assertThat(dead.get("reconsumeTimes").asInt()).isEqualTo(Consumers.MAX_RECONSUME_TIMES + 1);
        assertThat(JSON.readTree(dead.get("body").asString()).get("eventId").asString()).isEqualTo(paid.eventId());
        assertThat(dead.get("replayedAt").isNull()).isTrue();
        assertThat(dead.get("storedAt").asString()).endsWith("+08:00");
        assertThat(TestHttp.get(base + "/api/coin/ops/dead-letters", "X-User-Id", "1").status()).isEqualTo(403);
        assertThat(balance(user)).isNull();

        // the cause is fixed: the recharge exists
        jdbc.update("INSERT INTO recharge (id, user_id, pod_id, order_no, amount_fen, coin, gift_coin, status) "
                + "VALUES (?, ?, 30002, ?, 3000, 300, 30, 'UNPAID')", rechargeId, user, orderNo);
        String msgId = dead.get("msgId").asString();
        TestHttp.Response replay = TestHttp.postJson(base + "/api/coin/ops/dead-letters/" + msgId + "/replay", "",
                "X-User-Id", "1", "X-User-Roles", "ADMIN");
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(JSON.readTree(replay.body()).get(0).get("replayedAt").isNull()).isFalse();
        awaitUpTo(Duration.ofSeconds(40), () -> Long.valueOf(330).equals(balance(user)));

        // replayed again: handled like any duplicate, nothing credited twice
        assertThat(TestHttp.postJson(base + "/api/coin/ops/dead-letters/" + msgId + "/replay", "", "X-User-Id", "1",
                "X-User-Roles", "ADMIN").status()).isEqualTo(200);
        awaitUpTo(Duration.ofSeconds(40), () -> handled.stream().filter(line -> line.contains("keys " + orderNo))
                .count() == 2);
        assertThat(balance(user)).isEqualTo(330L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coin_ledger WHERE user_id = ?", Integer.class, user))
                .isOne();
        assertThat(jdbc.queryForObject("SELECT status FROM recharge WHERE id = ?", String.class, rechargeId))
                .isEqualTo("PAID");
        assertThat(deadLetter(orderNo).get("replayedAt").isNull()).isFalse();
        assertThat(TestHttp.postJson(base + "/api/coin/ops/dead-letters/FFFF0000/replay", "", "X-User-Id", "1",
                "X-User-Roles", "ADMIN").status()).isEqualTo(404);
    }

    private JsonNode deadLetter(String orderNo) {
        TestHttp.Response list = TestHttp.get(base + "/api/coin/ops/dead-letters", "X-User-Id", "1", "X-User-Roles",
                "ADMIN");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        for (JsonNode letter : JSON.readTree(list.body())) {
            if (orderNo.equals(letter.get("keys").asString())) {
                return letter;
            }
        }
        return null;
    }

    private Long balance(long user) {
        return jdbc.queryForList("SELECT balance FROM wallet WHERE user_id = ?", Long.class, user).stream().findFirst()
                .orElse(null);
    }

    private static void awaitUpTo(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
