package io.tongbao.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class SnapshotTest {

    @Test
    void theQueryRunsOnlyOnRefreshAndAFailureKeepsTheLastValue() {
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Snapshot<Integer> snapshot = new Snapshot<>("test", () -> {
            if (failure.get() != null) {
                throw failure.get();
            }
            return calls.incrementAndGet() * 10;
        }, -1);

        assertThat(snapshot.get()).as("before the first read").isEqualTo(-1);
        assertThat(snapshot.get()).isEqualTo(-1);
        assertThat(calls).hasValue(0);

        assertThat(snapshot.refresh()).isTrue();
        assertThat(snapshot.get()).isEqualTo(10);
        assertThat(snapshot.failing()).isFalse();

        failure.set(new IllegalStateException("database down"));
        assertThat(snapshot.refresh()).isFalse();
        assertThat(snapshot.refresh()).isFalse();
        assertThat(snapshot.get()).as("the last good value").isEqualTo(10);
        assertThat(snapshot.failing()).isTrue();

        failure.set(null);
        assertThat(snapshot.refresh()).isTrue();
        assertThat(snapshot.get()).isEqualTo(20);
        assertThat(snapshot.failing()).isFalse();
    }

    @Test
    void theRefresherReadsOnRegistrationAndReportsEachSourceUpOrDown() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GaugeRefresher refresher = new GaugeRefresher(registry);
        AtomicReference<Long> value = new AtomicReference<>(3L);
        Snapshot<Long> snapshot = refresher.register(new Snapshot<>("rows", () -> {
            if (value.get() == null) {
                throw new IllegalStateException("down");
            }
            return value.get();
        }, 0L), "rows");

        assertThat(snapshot.get()).isEqualTo(3L);
        assertThat(registry.get("tongbao.metrics.source.up").tag("source", "rows").gauge().value()).isEqualTo(1);
        value.set(null);
        refresher.refreshAll();
        assertThat(snapshot.get()).isEqualTo(3L);
        assertThat(registry.get("tongbao.metrics.source.up").tag("source", "rows").gauge().value()).isZero();
        value.set(5L);
        refresher.refreshAll();
        assertThat(snapshot.get()).isEqualTo(5L);
    }

    @Test
    void aBacklogsAgeIsZeroWithoutRowsAndNeverNegative() {
        Instant now = Instant.parse("2026-01-01T00:00:10Z");
        assertThat(Backlog.NONE.ageSeconds(now)).isZero();
        assertThat(new Backlog(2, Instant.parse("2026-01-01T00:00:07.500Z")).ageSeconds(now)).isEqualTo(2.5);
        assertThat(new Backlog(1, now.plusSeconds(3)).ageSeconds(now)).as("clock skew with the database").isZero();
    }
}
