package io.tongbao.payment.channel.alipay;

import static io.tongbao.payment.channel.alipay.AlipayTestNotifies.b64;
import static io.tongbao.payment.channel.alipay.AlipayTestNotifies.form;
import static io.tongbao.payment.channel.alipay.AlipayTestNotifies.notifyParams;
import static io.tongbao.payment.channel.alipay.AlipayTestNotifies.rsa;
import static io.tongbao.payment.channel.alipay.AlipayTestNotifies.signed;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.tongbao.payment.PaymentApplication;
import io.tongbao.testing.CleanRedisExtension;
import io.tongbao.testing.LocalMiddleware;
import io.tongbao.testing.TestDatabases;
import io.tongbao.testing.rocketmq.EmbeddedRocketMq;

/**
 * The success is committed but the service dies before the event is sent: the first payment-service records a
 * notify while its outbox relay never gets to run, and stops. Nothing reached the broker. A second payment-service
 * on the same database sends the stored event: at least once, never lost.
 */
class CrashBeforePublishIT {

    private static final KeyPair PLATFORM = rsa();
    private static final KeyPair APP = rsa();
    private static final String APP_ID = "2021000000000002";

    @Test
    void deliversASuccessStoredBeforeTheCrashAfterTheRestart() throws Exception {
        CleanRedisExtension.flush();
        String database = TestDatabases.create("payment_crash");
        EmbeddedRocketMq mq = EmbeddedRocketMq.shared();
        List<MessageExt> published = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer probe = probe(mq.nameServerAddress(), published);
        String payNo = "77" + System.nanoTime() % 1_000_000_000L;
        try {
            try (ConfigurableApplicationContext first = start(database, mq, "PT1H")) {
                insertAttempt(database, payNo);
                String answer = post(first, form(signed(notifyParams(payNo, "6.00", "TRADE_SUCCESS", APP_ID), PLATFORM)));
                assertThat(answer).isEqualTo("success");
            }
            assertThat(query(database, "SELECT status FROM pay_attempt WHERE pay_no = '" + payNo + "'")).isEqualTo("SUCCESS");
            assertThat(query(database, "SELECT status FROM outbox_message WHERE message_key = '" + payNo + "'"))
                    .isEqualTo("PENDING");
            // a marker on every queue of the topic, sent after the crash: once the probe has them all, whatever the
            // first service had sent would have reached it before them
            List<String> markers = sendMarkers(mq.nameServerAddress());
            long markersDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!keys(published).containsAll(markers) && System.nanoTime() < markersDeadline) {
                Thread.sleep(50);
            }
            assertThat(keys(published)).as("the markers arrived").containsAll(markers);
            assertThat(keys(published)).as("nothing was published before the crash").doesNotContain(payNo);

            try (ConfigurableApplicationContext restarted = start(database, mq, "PT0S")) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!keys(published).contains(payNo) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(keys(published)).as("delivered after the restart").contains(payNo);
                assertThat(query(database, "SELECT status FROM outbox_message WHERE message_key = '" + payNo + "'"))
                        .isEqualTo("SENT");
            }
        } finally {
            probe.shutdown();
        }
    }

    private static ConfigurableApplicationContext start(String database, EmbeddedRocketMq mq, String relayDelay) {
        return start(database, mq, relayDelay, "PT0S".equals(relayDelay));
    }

    private static ConfigurableApplicationContext start(String database, EmbeddedRocketMq mq, String relayDelay,
            boolean afterCommit) {
        return new SpringApplicationBuilder(PaymentApplication.class).run(
                "--server.port=0", "--spring.profiles.active=local", "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + LocalMiddleware.jdbcUrl(database),
                "--spring.datasource.username=" + LocalMiddleware.dbUser(),
                "--spring.datasource.password=" + LocalMiddleware.dbPassword(),
                "--spring.data.redis.host=" + LocalMiddleware.redisHost(),
                "--spring.data.redis.port=" + LocalMiddleware.redisPort(),
                "--spring.data.redis.database=" + LocalMiddleware.redisTestDatabase(),
                "--rocketmq.name-server=" + mq.nameServerAddress(), "--seata.enabled=false",
                "--tongbao.outbox.relay-initial-delay=" + relayDelay,
                // the first service "dies" between its commit and any send: neither the schedule nor the send right
                // after the commit gets to run
                "--tongbao.outbox.relay-after-commit=" + afterCommit,
                "--tongbao.alipay.app-id=" + APP_ID, "--tongbao.alipay.private-key=" + b64(APP.getPrivate().getEncoded()),
                "--tongbao.alipay.alipay-public-key=" + b64(PLATFORM.getPublic().getEncoded()),
                "--tongbao.alipay.gateway-url=http://127.0.0.1:1/gateway.do");
    }

    @Test
    void sendsASuccessRightAfterItsCommitWithoutWaitingForTheRelaySchedule() throws Exception {
        CleanRedisExtension.flush();
        String database = TestDatabases.create("payment_soon");
        EmbeddedRocketMq mq = EmbeddedRocketMq.shared();
        List<MessageExt> published = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer probe = probe(mq.nameServerAddress(), published);
        String payNo = "78" + System.nanoTime() % 1_000_000_000L;
        // the scheduled relay would first run in an hour: only the send after the commit can deliver it
        try (ConfigurableApplicationContext service = start(database, mq, "PT1H", true)) {
            insertAttempt(database, payNo);
            assertThat(post(service, form(signed(notifyParams(payNo, "6.00", "TRADE_SUCCESS", APP_ID), PLATFORM))))
                    .isEqualTo("success");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!keys(published).contains(payNo) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(keys(published)).contains(payNo);
            assertThat(query(database, "SELECT status FROM outbox_message WHERE message_key = '" + payNo + "'"))
                    .isEqualTo("SENT");
        } finally {
            probe.shutdown();
        }
    }

    private static DefaultMQPushConsumer probe(String nameServer, List<MessageExt> received) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("it-crash-probe-" + System.nanoTime());
        consumer.setNamesrvAddr(nameServer);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe("payment-success", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            received.addAll(messages);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return consumer;
    }

    private static List<String> sendMarkers(String nameServer) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("it-crash-marker-" + System.nanoTime());
        producer.setNamesrvAddr(nameServer);
        producer.start();
        try {
            List<String> markers = new ArrayList<>();
            for (MessageQueue queue : producer.fetchPublishMessageQueues("payment-success")) {
                String key = "marker-" + queue.getQueueId() + "-" + System.nanoTime();
                Message marker = new Message("payment-success", "MARKER", key, "{}".getBytes(StandardCharsets.UTF_8));
                producer.send(marker, queue);
                markers.add(key);
            }
            return markers;
        } finally {
            producer.shutdown();
        }
    }

    private static List<String> keys(List<MessageExt> messages) {
        List<String> keys = new ArrayList<>();
        messages.forEach(m -> keys.add(m.getKeys()));
        return keys;
    }

    private static void insertAttempt(String database, String payNo) throws Exception {
        try (Connection c = TestDatabases.connect(database); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO pay_attempt (id, pay_no, user_id, channel, mode, status, amount_fen, currency, "
                    + "expire_at) VALUES (" + payNo + ", '" + payNo + "', 1001, 'ALIPAY', 'QR', 'PENDING', 600, 'CNY', "
                    + "DATE_ADD(NOW(), INTERVAL 30 MINUTE))");
            s.executeUpdate("INSERT INTO pay_attempt_order (pay_no, order_no, amount_fen) VALUES ('" + payNo + "', '9"
                    + payNo + "', 600)");
        }
    }

    private static String query(String database, String sql) throws Exception {
        try (Connection c = TestDatabases.connect(database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String post(ConfigurableApplicationContext context, String body) throws Exception {
        int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/payment/notify/alipay"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
