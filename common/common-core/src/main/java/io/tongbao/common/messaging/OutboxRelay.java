package io.tongbao.common.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends pending outbox messages to RocketMQ in id order. Rows are claimed with {@code FOR UPDATE SKIP LOCKED},
 * so several replicas relay side by side without sending a row twice at the same time. A message is marked
 * SENT only after the broker acknowledged it; a crash in between sends it again (at least once).
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final RocketMQTemplate rocketmq;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, RocketMQTemplate rocketmq) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.rocketmq = rocketmq;
    }

    record Pending(long id, String topic, String tag, String key, String payload, Timestamp deliverAt) {
    }

    @Scheduled(fixedDelayString = "${tongbao.outbox.relay-interval:PT0.5S}",
            initialDelayString = "${tongbao.outbox.relay-initial-delay:PT0S}")
    public void relayScheduled() {
        try {
            relay();
        } catch (RuntimeException e) {
            log.warn("Outbox relay round failed: {}", e.toString());
        }
    }

    /** One round: claims up to a batch of pending messages and sends them. Returns how many were sent. */
    public int relay() {
        Integer sent = tx.execute(status -> {
            List<Pending> batch = jdbc.query("""
                    SELECT id, topic, tag, message_key, payload, deliver_at FROM outbox_message
                    WHERE status = 'PENDING' ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""",
                    (rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getTimestamp(6)), BATCH);
            int count = 0;
            for (Pending message : batch) {
                if (send(message)) {
                    count += jdbc.update("UPDATE outbox_message SET status = 'SENT', sent_at = ?, attempts = attempts + 1 "
                            + "WHERE id = ? AND status = 'PENDING'", Timestamp.from(Instant.now()), message.id());
                } else {
                    jdbc.update("UPDATE outbox_message SET attempts = attempts + 1 WHERE id = ?", message.id());
                }
            }
            return count;
        });
        return sent == null ? 0 : sent;
    }

    private boolean send(Pending message) {
        Message<String> payload = MessageBuilder.withPayload(message.payload())
                .setHeader(RocketMQHeaders.KEYS, message.key()).build();
        String destination = message.tag() == null ? message.topic() : message.topic() + ":" + message.tag();
        try {
            SendResult result = message.deliverAt() == null ? rocketmq.syncSend(destination, payload)
                    : rocketmq.syncSendDeliverTimeMills(destination, payload,
                            Math.max(message.deliverAt().getTime(), System.currentTimeMillis()));
            return result.getSendStatus() == SendStatus.SEND_OK;
        } catch (RuntimeException e) {
            log.warn("Outbox message {} to {} not sent yet: {}", message.id(), destination, e.toString());
            return false;
        }
    }
}
