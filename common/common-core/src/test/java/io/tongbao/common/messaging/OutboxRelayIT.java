package io.tongbao.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.messaging.Message;

import io.tongbao.testing.LocalMiddleware;
import io.tongbao.testing.TestDatabases;
import io.tongbao.testing.rocketmq.EmbeddedRocketMq;

/**
 * The outbox relay against a real MariaDB and a real (embedded) RocketMQ broker: it holds no transaction while it
 * talks to the broker, a failed send holds back the later messages of its key only, two relays side by side send
 * every message once and every key in order, and a dead relay's claim expires.
 */
class OutboxRelayIT {

    private static final String TOPIC = "outbox-relay-it";
    private static EmbeddedRocketMq mq;
    private static DefaultMQProducer producer;

    private String database;
    private JdbcTemplate jdbc;
    private final Map<Long, Integer> sends = new ConcurrentHashMap<>();
    private final List<String> sendOrder = new CopyOnWriteArrayList<>();
    private final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    private volatile CountDownLatch holdSends;
    private final CountDownLatch sending = new CountDownLatch(1);

    @BeforeAll
    static void broker() throws Exception {
        mq = EmbeddedRocketMq.shared();
        mq.createTopic(TOPIC);
        producer = new DefaultMQProducer("outbox-relay-it");
        producer.setNamesrvAddr(mq.nameServerAddress());
        producer.start();
    }

    @BeforeEach
    void outboxTable() throws SQLException {
        database = TestDatabases.create("outbox_relay");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(LocalMiddleware.jdbcUrl(database),
                LocalMiddleware.dbUser(), LocalMiddleware.dbPassword());
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("""
                CREATE TABLE outbox_message (
                    id BIGINT NOT NULL PRIMARY KEY, topic VARCHAR(64) NOT NULL, tag VARCHAR(64) NULL,
                    message_key VARCHAR(128) NOT NULL, payload TEXT NOT NULL, deliver_at TIMESTAMP(3) NULL,
                    status VARCHAR(16) NOT NULL, attempts INT NOT NULL DEFAULT 0,
                    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), sent_at TIMESTAMP(3) NULL,
                    trace_parent VARCHAR(128) NULL, claimed_by VARCHAR(36) NULL, claimed_until TIMESTAMP(3) NULL,
                    KEY ix_outbox_pending (status, id)) ENGINE = InnoDB""");
    }

    @AfterEach
    void release() {
        if (holdSends != null) {
            holdSends.countDown();
        }
    }

    @Test
    void holdsNoTransactionWhileTheBrokerIsTalkedTo() throws Exception {
        insert(1, "k1");
        holdSends = new CountDownLatch(1);
        OutboxRelay relay = relay();
        CompletableFuture<Integer> round = CompletableFuture.supplyAsync(relay::relay);
        assertThat(sending.await(30, TimeUnit.SECONDS)).as("the relay is sending").isTrue();

        // while the send is under way, another connection can lock the very row being sent, without waiting
        try (Connection other = TestDatabases.connect(database)) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT status FROM outbox_message WHERE id = 1 FOR UPDATE NOWAIT")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("PENDING");
            }
            other.rollback();
        }
        holdSends.countDown();
        assertThat(round.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(status(1)).isEqualTo("SENT");
        assertThat(jdbc.queryForObject("SELECT claimed_by IS NULL FROM outbox_message WHERE id = 1", Boolean.class)).isTrue();
    }

    @Test
    void aFailedSendHoldsBackTheLaterMessagesOfItsKeyOnly() {
        insert(1, "order-1");
        insert(2, "order-2");
        insert(3, "order-1");
        failOnce.add("m1");
        OutboxRelay relay = relay();

        assertThat(relay.relay()).isEqualTo(1);
        assertThat(sendOrder).containsExactly("m2");
        assertThat(status(1)).isEqualTo("PENDING");
        assertThat(status(3)).as("not sent before the failed one of its key").isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("SELECT attempts FROM outbox_message WHERE id = 1", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE claimed_by IS NOT NULL", Integer.class))
                .as("claims given back").isZero();

        assertThat(relay.relay()).isEqualTo(2);
        assertThat(sendOrder).containsExactly("m2", "m1", "m3");
    }

    @Test
    void twoRelaysSideBySideSendEachMessageOnceAndEachKeyInOrder() throws Exception {
        int messages = 400;
        for (int i = 1; i <= messages; i++) {
            insert(i, "key-" + (i % 7));
        }
        OutboxRelay first = relay();
        OutboxRelay second = relay();
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> drain(first));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> drain(second));
        CompletableFuture.allOf(a, b).get(2, TimeUnit.MINUTES);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT'", Integer.class))
                .isEqualTo(messages);
        assertThat(sends).hasSize(messages);
        assertThat(sends.values()).allMatch(count -> count == 1);
        Map<String, Long> lastOfKey = new HashMap<>();
        for (String sent : sendOrder) {
            long id = Long.parseLong(sent.substring(1));
            String key = "key-" + (id % 7);
            assertThat(id).as("order of " + key).isGreaterThan(lastOfKey.getOrDefault(key, 0L));
            lastOfKey.put(key, id);
        }
    }

    @Test
    void aDeadRelaysClaimExpiresAndTheMessageIsSentByAnother() {
        insert(1, "k1");
        jdbc.update("UPDATE outbox_message SET claimed_by = 'a-relay-that-died', "
                + "claimed_until = CURRENT_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id = 1");
        insert(2, "k2");
        jdbc.update("UPDATE outbox_message SET claimed_by = 'a-relay-still-at-work', "
                + "claimed_until = CURRENT_TIMESTAMP(3) + INTERVAL 60 SECOND WHERE id = 2");

        assertThat(relay().relay()).isEqualTo(1);
        assertThat(status(1)).isEqualTo("SENT");
        assertThat(status(2)).as("a live claim is left alone").isEqualTo("PENDING");
    }

    private void drain(OutboxRelay relay) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE status = 'PENDING'", Integer.class) > 0
                && System.nanoTime() < deadline) {
            relay.relay();
        }
    }

    private OutboxRelay relay() {
        RocketMQTemplate template = new RocketMQTemplate() {
            @Override
            public SendResult syncSend(String destination, Message<?> message) {
                sending.countDown();
                CountDownLatch hold = holdSends;
                if (hold != null) {
                    try {
                        hold.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                String payload = (String) message.getPayload();
                if (failOnce.remove(payload)) {
                    throw new IllegalStateException("the broker refused " + payload);
                }
                SendResult result = super.syncSend(destination, message);
                long id = Long.parseLong(payload.substring(1));
                sends.merge(id, 1, Integer::sum);
                sendOrder.add(payload);
                assertThat(message.getHeaders().get(RocketMQHeaders.KEYS)).isNotNull();
                return result;
            }
        };
        template.setProducer(producer);
        return new OutboxRelay(jdbc, template);
    }

    private void insert(long id, String key) {
        jdbc.update("INSERT INTO outbox_message (id, topic, message_key, payload, status) VALUES (?, ?, ?, ?, 'PENDING')",
                id, TOPIC, key, "m" + id);
    }

    private String status(long id) {
        return jdbc.queryForObject("SELECT status FROM outbox_message WHERE id = ?", String.class, id);
    }
}
