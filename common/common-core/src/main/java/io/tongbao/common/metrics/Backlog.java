package io.tongbao.common.metrics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * How many rows wait in some state and since when the oldest waits: two gauges from one query that returns
 * {@code COUNT(*), MIN(<timestamp>)} (it should run on an index that starts with the state column).
 */
public record Backlog(long count, Instant oldest) {

    public static final Backlog NONE = new Backlog(0, null);

    /** Seconds since the oldest row, or 0 when there is none. */
    public double ageSeconds(Instant now) {
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
    }

    /**
     * Registers {@code <name>} (the count) and {@code <name>.oldest.age} (seconds), read by the refresher from
     * {@code countAndOldestSql}.
     */
    public static void register(MeterRegistry registry, GaugeRefresher refresher, JdbcTemplate jdbc, Clock clock,
            String source, String countAndOldestSql, String name, String description) {
        JdbcTemplate bounded = GaugeQueries.bounded(jdbc);
        Snapshot<Backlog> backlog = refresher.register(new Snapshot<>(source, () -> bounded.queryForObject(
                countAndOldestSql, (rs, i) -> {
                    Timestamp oldest = rs.getTimestamp(2);
                    return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
                }), NONE), source);
        Gauge.builder(name, backlog, b -> b.get().count()).description(description).register(registry);
        Gauge.builder(name + ".oldest.age", backlog, b -> b.get().ageSeconds(clock.instant())).baseUnit("seconds")
                .description("Age of the oldest of: " + description).register(registry);
    }
}
