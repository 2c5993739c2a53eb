package io.tongbao.common.id;

import java.time.Clock;
import java.time.Instant;

/**
 * 64-bit, time-ordered ids: 41 bits of milliseconds since {@link #EPOCH}, 10 bits of worker id, 12 bits of
 * sequence. The worker id comes from a {@link WorkerIdLease}, so replicas of one service never share one.
 * Good for about 69 years from the epoch and 4096 ids per millisecond per worker.
 */
public final class IdGenerator {

    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    static final int WORKER_BITS = 10;
    static final int SEQUENCE_BITS = 12;
    public static final int MAX_WORKER_ID = (1 << WORKER_BITS) - 1;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;
    /** A clock that steps back by at most this much is waited out; more is refused. */
    private static final long MAX_BACKWARDS_MS = 2_000;

    private final WorkerIdLease lease;
    private final Clock clock;
    private long lastMillis = -1;
    private long sequence;

    public IdGenerator(WorkerIdLease lease, Clock clock) {
        this.lease = lease;
        this.clock = clock;
    }

    public synchronized long nextId() {
        long now = millis();
        if (now < lastMillis) {
            now = waitForClock(now);
        }
        if (now == lastMillis) {
            sequence = (sequence + 1) & SEQUENCE_MASK;
            if (sequence == 0) {
                now = spinUntilAfter(lastMillis);
            }
        } else {
            sequence = 0;
        }
        lastMillis = now;
        return (now << (WORKER_BITS + SEQUENCE_BITS)) | ((long) lease.workerId() << SEQUENCE_BITS) | sequence;
    }

    public String nextIdString() {
        return Long.toString(nextId());
    }

    /** The instant an id was generated, to the millisecond. */
    public static Instant timestampOf(long id) {
        return EPOCH.plusMillis(id >>> (WORKER_BITS + SEQUENCE_BITS));
    }

    public static int workerIdOf(long id) {
        return (int) ((id >>> SEQUENCE_BITS) & MAX_WORKER_ID);
    }

    private long millis() {
        return clock.millis() - EPOCH.toEpochMilli();
    }

    private long waitForClock(long now) {
        if (lastMillis - now > MAX_BACKWARDS_MS) {
            throw new IllegalStateException("Clock moved backwards by " + (lastMillis - now) + " ms; refusing ids");
        }
        return spinUntilAfter(lastMillis - 1);
    }

    private long spinUntilAfter(long millis) {
        long now = millis();
        while (now <= millis) {
            Thread.onSpinWait();
            now = millis();
        }
        return now;
    }
}
