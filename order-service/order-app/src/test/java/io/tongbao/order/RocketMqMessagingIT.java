package io.tongbao.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;

import io.tongbao.testing.RealMiddleware;

/** A message sent with RocketMQTemplate reaches a @RocketMQMessageListener in the service context, delayed ones too. */
@SpringBootTest
@ActiveProfiles("local")
@RealMiddleware(database = "order", topics = RocketMqMessagingIT.TOPIC)
class RocketMqMessagingIT {

    static final String TOPIC = "it-ping";
    private static final BlockingQueue<Received> RECEIVED = new LinkedBlockingQueue<>();
    private static volatile boolean subscribed;

    private final RocketMQTemplate template;

    @Autowired
    RocketMqMessagingIT(RocketMQTemplate template) {
        this.template = template;
    }

    record Received(String body, long nanos) {
    }

    @TestConfiguration
    static class Listener {
        @Bean
        PingListener pingListener() {
            return new PingListener();
        }
    }

    @RocketMQMessageListener(topic = TOPIC, consumerGroup = "order-service-it-ping")
    static class PingListener implements RocketMQListener<String> {
        @Override
        public void onMessage(String message) {
            RECEIVED.add(new Received(message, System.nanoTime()));
        }
    }

    /** A new consumer group gets its queues a moment after start: wait until one warm-up message arrives. */
    @BeforeEach
    void waitForSubscription() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!subscribed && System.nanoTime() < deadline) {
            template.syncSend(TOPIC, "warm-up");
            Received r = RECEIVED.poll(1, TimeUnit.SECONDS);
            subscribed = r != null;
        }
        assertThat(subscribed).as("the listener never received a message").isTrue();
    }

    @Test
    void deliversASentMessageToTheListener() throws InterruptedException {
        String payload = "sync-" + UUID.randomUUID();
        SendResult result = template.syncSend(TOPIC, payload);
        assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(await(payload, Duration.ofSeconds(20))).isNotNull();
    }

    @Test
    void deliversATimerMessageNoEarlierThanItsDelay() throws InterruptedException {
        String payload = "delayed-" + UUID.randomUUID();
        long sentAt = System.nanoTime();
        SendResult result = template.syncSendDelayTimeSeconds(TOPIC, payload, 3);
        assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        Received received = await(payload, Duration.ofSeconds(30));
        assertThat(received).as("the delayed message never arrived").isNotNull();
        assertThat(Duration.ofNanos(received.nanos() - sentAt)).isGreaterThanOrEqualTo(Duration.ofMillis(2_500));
    }

    private static Received await(String payload, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Received r = RECEIVED.poll(200, TimeUnit.MILLISECONDS);
            if (r != null && r.body().equals(payload)) {
                return r;
            }
        }
        return null;
    }
}
