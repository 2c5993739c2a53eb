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
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.tongbao.common.mybatis.InstantTypeHandler;
import io.tongbao.common.tracing.Tracing;

/**
 * Sends pending outbox messages to RocketMQ in id order. Rows are claimed with {@code FOR UPDATE SKIP LOCKED},
 * so several replicas relay side by side without sending a row twice at the same time. A message is marked
 * SENT only after the broker acknowledged it; a crash in between sends it again (at least once). Each send is a
 * producer span in the trace of the work that wrote the row, and the message carries its {@code traceparent} as a
 * user property for the consumer.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final RocketMQTemplate rocketmq;
    private final Tracing tracing;
    private java.time.Duration heldLimit = java.time.Duration.ofMinutes(2);
    private final java.util.concurrent.locks.ReentrantLock round = new java.util.concurrent.locks.ReentrantLock();
    private final java.util.concurrent.atomic.AtomicBoolean again = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicBoolean queued = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.ExecutorService soon = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> {
                Thread thread = new Thread(r, "outbox-relay");
                thread.setDaemon(true);
                return thread;
            });

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, RocketMQTemplate rocketmq) {
        this(jdbc, tx, rocketmq, Tracing.NONE);
    }

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, RocketMQTemplate rocketmq, Tracing tracing) {
        this.jdbc = jdbc;
        // READ COMMITTED: the claim locks only the rows it returns, no gap after them, so the services' own outbox
        // inserts never wait for a relay round that is talking to the broker.
        this.tx = new TransactionTemplate(tx.getTransactionManager());
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.rocketmq = rocketmq;
        this.tracing = tracing;
    }

    /** Stops the after-commit thread (Spring calls it when the context closes). */
    public void shutdown() {
        soon.shutdownNow();
    }

    /** How long a HELD message may wait for its release before the sweep frees it. */
    public void setHeldLimit(java.time.Duration heldLimit) {
        this.heldLimit = heldLimit;
    }

    record Pending(long id, String topic, String tag, String key, String payload, Timestamp deliverAt,
            String traceParent) {
    }

    @Scheduled(fixedDelayString = "${tongbao.outbox.relay-interval:PT0.5S}",
            initialDelayString = "${tongbao.outbox.relay-initial-delay:PT0S}")
    public void relayScheduled() {
        relayUntilDone();
    }

    /** Right after a transaction that stored messages committed: a round soon, on the relay's own thread. */
    public void relaySoon() {
        if (!queued.getAndSet(true)) {
            soon.execute(() -> {
                queued.set(false);
                relayUntilDone();
            });
        }
    }

    /**
     * One round at a time in this process, so that the rounds of the schedule and of commits never send two messages
     * of one key out of order; a round asked for while one runs makes it go round again.
     */
    private void relayUntilDone() {
        if (!round.tryLock()) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                relay();
            } while (again.get());
        } catch (RuntimeException e) {
            log.warn("Outbox relay round failed: {}", e.toString());
        } finally {
            round.unlock();
        }
    }

    /**
     * Frees HELD messages older than the hold limit (a service that died between its global commit and the release).
     * The limit is well above the global transaction timeout: by then the coordinator has committed (the row stays)
     * or rolled back (the undo deleted it).
     */
    @Scheduled(fixedDelayString = "${tongbao.outbox.held-sweep-interval:PT30S}",
            initialDelayString = "${tongbao.outbox.held-sweep-interval:PT30S}")
    public void releaseStaleHeld() {
        try {
            // the database's own clock, like the created_at default it is compared with
            int released = jdbc.update("UPDATE outbox_message SET status = 'PENDING' WHERE status = 'HELD' "
                    + "AND created_at < CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND", heldLimit.toSeconds());
            if (released > 0) {
                log.warn("Released {} held outbox message(s) whose service stopped before releasing them", released);
            }
        } catch (RuntimeException e) {
            log.warn("Held outbox sweep failed: {}", e.toString());
        }
    }

    /** One round: claims up to a batch of pending messages and sends them. Returns how many were sent. */
    public int relay() {
        Integer sent = tx.execute(status -> {
            List<Pending> batch = jdbc.query("""
                    SELECT id, topic, tag, message_key, payload, deliver_at, trace_parent FROM outbox_message
                    WHERE status = 'PENDING' ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""",
                    (rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getTimestamp(6), rs.getString(7)), BATCH);
            int count = 0;
            for (Pending message : batch) {
                if (send(message)) {
                    count += jdbc.update("UPDATE outbox_message SET status = 'SENT', sent_at = ?, attempts = attempts + 1 "
                            + "WHERE id = ? AND status = 'PENDING'", InstantTypeHandler.sqlText(Instant.now()), message.id());
                } else {
                    jdbc.update("UPDATE outbox_message SET attempts = attempts + 1 WHERE id = ?", message.id());
                }
            }
            return count;
        });
        return sent == null ? 0 : sent;
    }

    private boolean send(Pending message) {
        String destination = message.tag() == null ? message.topic() : message.topic() + ":" + message.tag();
        try {
            return tracing.producer(message.traceParent(), message.topic(), headers -> {
                MessageBuilder<String> builder = MessageBuilder.withPayload(message.payload())
                        .setHeader(RocketMQHeaders.KEYS, message.key());
                // headers other than RocketMQ's own become user properties of the message
                headers.forEach(builder::setHeader);
                Message<String> payload = builder.build();
                SendResult result = message.deliverAt() == null ? rocketmq.syncSend(destination, payload)
                        : rocketmq.syncSendDeliverTimeMills(destination, payload,
                                Math.max(message.deliverAt().getTime(), System.currentTimeMillis()));
                return result.getSendStatus() == SendStatus.SEND_OK;
            });
        } catch (RuntimeException e) {
            log.warn("Outbox message {} to {} not sent yet: {}", message.id(), destination, e.toString());
            return false;
        }
    }
}
