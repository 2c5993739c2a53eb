package io.tongbao.common.messaging;

import java.time.Instant;

import org.apache.seata.core.context.RootContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.tongbao.common.id.IdGenerator;
import io.tongbao.common.mybatis.InstantTypeHandler;
import io.tongbao.common.tracing.Tracing;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox: a message is stored in the same database transaction as the state change that
 * causes it, and {@link OutboxRelay} sends it afterwards. A change is never published without being committed,
 * and never committed without being published (at least once). Consumers deduplicate with {@link Inbox}. The row
 * keeps the W3C trace context of the work that wrote it, so that the message continues that trace.
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final IdGenerator ids;
    private final JsonMapper json;

    private final Tracing tracing;
    private volatile Runnable committed = () -> { };

    public Outbox(JdbcTemplate jdbc, IdGenerator ids, JsonMapper json) {
        this(jdbc, ids, json, Tracing.NONE);
    }

    public Outbox(JdbcTemplate jdbc, IdGenerator ids, JsonMapper json, Tracing tracing) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.json = json;
        this.tracing = tracing;
    }

    /**
     * What to do once a transaction that stored messages has committed: the relay sends them at once (its schedule
     * only picks up what that missed, e.g. after a crash between commit and send). Runs on the committing thread, so
     * it must only hand the work over.
     */
    public void onCommit(Runnable committed) {
        this.committed = committed;
    }

    /** Stores a message to send as soon as the transaction commits. Must run inside that transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long enqueue(String topic, String tag, String key, Object payload) {
        return enqueue(topic, tag, key, payload, null);
    }

    /**
     * Stores a timer message: the broker delivers it at {@code deliverAt} (precise to about a second). Inside a Seata
     * global transaction the row is stored HELD: the local branch commits before the global outcome is known, and
     * the relay must not publish what a global rollback would undo. {@link #release} frees it once the global
     * transaction has committed; {@link OutboxRelay} frees one left behind by a crash after its hold limit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long enqueue(String topic, String tag, String key, Object payload, Instant deliverAt) {
        long id = ids.nextId();
        jdbc.update("""
                INSERT INTO outbox_message (id, topic, tag, message_key, payload, deliver_at, status, attempts, trace_parent)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)""",
                id, topic, tag, key, json.writeValueAsString(payload), InstantTypeHandler.sqlText(deliverAt),
                RootContext.inGlobalTransaction() ? "HELD" : "PENDING", tracing.currentTraceparent());
        if (!RootContext.inGlobalTransaction()) {
            signalAfterCommit();
        }
        return id;
    }

    // once per transaction, however many messages it stores
    private void signalAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                committed.run();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.this);
            }
        });
    }

    /** After its global transaction committed: the HELD messages of {@code key} may be sent. Returns how many. */
    public int release(String key) {
        if (RootContext.inGlobalTransaction()) {
            throw new IllegalStateException("release runs after the global transaction, not inside it");
        }
        int released = jdbc.update("UPDATE outbox_message SET status = 'PENDING' WHERE message_key = ? AND status = 'HELD'",
                key);
        if (released > 0) {
            committed.run();
        }
        return released;
    }
}
