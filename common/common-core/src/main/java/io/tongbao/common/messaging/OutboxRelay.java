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

import io.tongbao.common.mybatis.InstantTypeHandler;
import io.tongbao.common.tracing.Tracing;

/**
 * Sends pending outbox messages to RocketMQ in id order, per message key never out of order. Rows are claimed for a
 * lease in one short statement, so several replicas relay side by side without sending a row twice at the same
 * time, and no transaction stays open while the broker is talked to. A message is marked SENT only after the
 * broker acknowledged it; a crash in between sends it again when the claim expires (at least once). Each send is a
 * producer span in the trace of the work that wrote the row, and the message carries its {@code traceparent} as a
 * user property for the consumer.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;
    /** How long a claim lasts: far above a round's sends (at most a few failures, each bounded by the send timeout). */
    private static final int CLAIM_SECONDS = 60;
    private static final int FAILURES_PER_ROUND = 3;

    private final JdbcTemplate jdbc;
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

    public OutboxRelay(JdbcTemplate jdbc, RocketMQTemplate rocketmq) {
        this(jdbc, rocketmq, Tracing.NONE);
    }

    public OutboxRelay(JdbcTemplate jdbc, RocketMQTemplate rocketmq, Tracing tracing) {
        this.jdbc = jdbc;
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
            String traceParent, boolean blocked) {
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

    /**
     * One round, with no database transaction open while the broker is talked to: (1) claim up to a batch of pending
     * messages for a lease ({@code claimed_by}, {@code claimed_until}) in one short statement; (2) read them, each
     * with whether an earlier pending message of its key belongs to someone else (another replica's claim, or one
     * that became visible after this claim); (3) send them in id order, skipping a key that is blocked or whose
     * earlier message just failed, so that no key is ever sent out of order; (4) mark the sent ones SENT and give the
     * rest back. A relay that dies between a send and step (4) leaves its claim to expire and the message is sent
     * again (at least once; consumers deduplicate). Returns how many were sent.
     */
    public int relay() {
        String claim = java.util.UUID.randomUUID().toString();
        // one statement on its own (autocommit): its row locks last only as long as it runs
        int claimed = jdbc.update("""
                UPDATE outbox_message SET claimed_by = ?, claimed_until = CURRENT_TIMESTAMP(3) + INTERVAL ? SECOND
                WHERE status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < CURRENT_TIMESTAMP(3))
                ORDER BY id LIMIT ?""", claim, CLAIM_SECONDS, BATCH);
        if (claimed == 0) {
            return 0;
        }
        List<Pending> batch = jdbc.query("""
                SELECT o.id, o.topic, o.tag, o.message_key, o.payload, o.deliver_at, o.trace_parent,
                       EXISTS (SELECT 1 FROM outbox_message e WHERE e.status = 'PENDING' AND e.id < o.id
                               AND e.message_key = o.message_key AND (e.claimed_by IS NULL OR e.claimed_by <> ?)) AS blocked
                FROM outbox_message o WHERE o.status = 'PENDING' AND o.claimed_by = ? ORDER BY o.id""",
                (rs, i) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6), rs.getString(7), rs.getBoolean(8)), claim, claim);
        java.util.Set<String> held = new java.util.HashSet<>();
        List<Long> sent = new java.util.ArrayList<>();
        List<Long> failed = new java.util.ArrayList<>();
        for (Pending message : batch) {
            if (message.blocked() || held.contains(message.key())) {
                held.add(message.key());
                continue;
            }
            if (failed.size() >= FAILURES_PER_ROUND) {
                break; // the broker is likely away: the schedule tries again, not this round
            }
            if (send(message)) {
                sent.add(message.id());
            } else {
                failed.add(message.id());
                held.add(message.key());
            }
        }
        if (!sent.isEmpty()) {
            String in = String.join(",", java.util.Collections.nCopies(sent.size(), "?"));
            List<Object> args = new java.util.ArrayList<>();
            args.add(InstantTypeHandler.sqlText(Instant.now()));
            args.add(claim);
            args.addAll(sent);
            jdbc.update("UPDATE outbox_message SET status = 'SENT', sent_at = ?, attempts = attempts + 1, "
                    + "claimed_by = NULL, claimed_until = NULL WHERE status = 'PENDING' AND claimed_by = ? AND id IN ("
                    + in + ")", args.toArray());
        }
        for (long id : failed) {
            jdbc.update("UPDATE outbox_message SET attempts = attempts + 1 WHERE id = ?", id);
        }
        if (sent.size() < batch.size()) {
            jdbc.update("UPDATE outbox_message SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ? "
                    + "AND status = 'PENDING'", claim);
        }
        return sent.size();
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
