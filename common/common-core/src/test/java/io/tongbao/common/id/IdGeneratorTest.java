package io.tongbao.common.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class IdGeneratorTest {

    private static final int IDS_PER_MILLI = 4096;
    private static final long T = Instant.parse("2026-06-01T00:00:00Z").toEpochMilli();

    @Test
    void issuesStrictlyIncreasingIdsInOneThread() {
        IdGenerator ids = new IdGenerator(WorkerIdLease.fixed(1), Clock.systemUTC());
        long previous = ids.nextId();
        for (int i = 0; i < 100_000; i++) {
            long id = ids.nextId();
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
    }

    @Test
    void issuesUniqueIdsAcrossThreadsSharingOneGenerator() throws Exception {
        IdGenerator ids = new IdGenerator(WorkerIdLease.fixed(1), Clock.systemUTC());
        Callable<long[]> batch = () -> {
            long[] out = new long[50_000];
            for (int i = 0; i < out.length; i++) {
                out[i] = ids.nextId();
            }
            return out;
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(batch));
            }
            Set<Long> all = new HashSet<>();
            for (Future<long[]> f : futures) {
                for (long id : f.get()) {
                    all.add(id);
                }
            }
            assertThat(all).hasSize(4 * 50_000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void encodesTheLeasedWorkerIdInEveryId() {
        for (int worker : new int[] { 0, 7, IdGenerator.MAX_WORKER_ID }) {
            IdGenerator ids = new IdGenerator(WorkerIdLease.fixed(worker), Clock.systemUTC());
            for (int i = 0; i < 10; i++) {
                assertThat(IdGenerator.workerIdOf(ids.nextId())).isEqualTo(worker);
            }
        }
    }

    @Test
    void encodesTheCurrentTimeInTheId() {
        IdGenerator ids = new IdGenerator(WorkerIdLease.fixed(3), Clock.systemUTC());
        Instant before = Instant.now().minusMillis(1);
        Instant stamped = IdGenerator.timestampOf(ids.nextId());
        Instant after = Instant.now().plusMillis(1);

        assertThat(stamped).isBetween(before, after);
        assertThat(stamped).isBetween(Instant.now().minusSeconds(1), Instant.now().plusSeconds(1));
    }

    @Test
    void generatorsWithDifferentWorkerIdsNeverCollideInTheSameMillisecond() {
        Clock frozen = Clock.fixed(Instant.ofEpochMilli(T), ZoneOffset.UTC);
        IdGenerator first = new IdGenerator(WorkerIdLease.fixed(1), frozen);
        IdGenerator second = new IdGenerator(WorkerIdLease.fixed(2), frozen);

        Set<Long> a = new HashSet<>();
        Set<Long> b = new HashSet<>();
        for (int i = 0; i < IDS_PER_MILLI; i++) {
            a.add(first.nextId());
            b.add(second.nextId());
        }

        assertThat(a).hasSize(IDS_PER_MILLI).doesNotContainAnyElementsOf(b);
        assertThat(b).hasSize(IDS_PER_MILLI);
        assertThat(a).allSatisfy(id -> assertThat(IdGenerator.timestampOf(id)).isEqualTo(Instant.ofEpochMilli(T)));
    }

    @Test
    void refusesIdsWhenTheClockStepsBackMoreThanTwoSeconds() {
        TestClock clock = new TestClock(T);
        IdGenerator ids = new IdGenerator(WorkerIdLease.fixed(1), clock);
        clock.freezeFor(1);
        ids.nextId();

        clock.set(T - 2_001);
        clock.freezeFor(1);

        assertThatIllegalStateException().isThrownBy(ids::nextId).withMessageContaining("backwards");
    }

    @Test
    void waitsOutAClockThatStepsBackLessThanTwoSeconds() {
        TestClock clock = new TestClock(T);
        IdGenerator ids = new IdGenerator(WorkerIdLease.fixed(1), clock);
        clock.freezeFor(1);
        long first = ids.nextId();

        clock.set(T - 1_500);
        clock.freezeFor(1);
        long second = ids.nextId();

        assertThat(second).isGreaterThan(first);
        assertThat(IdGenerator.timestampOf(second)).isAfterOrEqualTo(Instant.ofEpochMilli(T));
    }

    @Test
    void waitsForTheNextMillisecondWhenTheSequenceOverflows() {
        TestClock clock = new TestClock(T);
        // every id reads the clock once; the 4097th read still sees T and must overflow, later reads move on
        clock.freezeFor(IDS_PER_MILLI + 1);
        IdGenerator ids = new IdGenerator(WorkerIdLease.fixed(5), clock);

        long[] issued = new long[IDS_PER_MILLI + 1];
        for (int i = 0; i < issued.length; i++) {
            issued[i] = ids.nextId();
        }

        for (int i = 0; i < IDS_PER_MILLI; i++) {
            assertThat(IdGenerator.timestampOf(issued[i])).isEqualTo(Instant.ofEpochMilli(T));
        }
        long overflow = issued[IDS_PER_MILLI];
        assertThat(IdGenerator.timestampOf(overflow)).isAfter(Instant.ofEpochMilli(T));
        assertThat(overflow & (IDS_PER_MILLI - 1)).isZero();
        assertThat(IdGenerator.workerIdOf(overflow)).isEqualTo(5);
        for (int i = 1; i < issued.length; i++) {
            assertThat(issued[i]).isGreaterThan(issued[i - 1]);
        }
    }

    @Test
    void fixedLeaseRejectsWorkerIdsOutsideTenBits() {
        assertThatIllegalArgumentException().isThrownBy(() -> WorkerIdLease.fixed(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> WorkerIdLease.fixed(1024));
        assertThat(WorkerIdLease.fixed(0).workerId()).isZero();
        assertThat(WorkerIdLease.fixed(1023).workerId()).isEqualTo(1023);
    }

    /**
     * A clock under test control. While frozen it returns the same millisecond for a set number of reads; after
     * that every read moves one millisecond forward, so code that spins on it always terminates.
     */
    static final class TestClock extends Clock {

        private long now;
        private int frozenReads;

        TestClock(long epochMillis) {
            this.now = epochMillis;
        }

        synchronized void set(long epochMillis) {
            now = epochMillis;
        }

        synchronized void freezeFor(int reads) {
            frozenReads = reads;
        }

        @Override
        public synchronized long millis() {
            if (frozenReads > 0) {
                frozenReads--;
                return now;
            }
            return ++now;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
