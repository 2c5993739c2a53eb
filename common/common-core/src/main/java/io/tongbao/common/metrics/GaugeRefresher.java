package io.tongbao.common.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.scheduling.annotation.Scheduled;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Refreshes every database-backed gauge of the process in one scheduled round
 * ({@code tongbao.metrics.refresh-interval}, 10 s by default), off the scrape path. A scrape only reads memory.
 * {@code tongbao_metrics_source_up} says, per source, whether its last read succeeded. It runs in every process,
 * the gateway included, so nothing here may name spring-jdbc (the gateway has no JDBC): database sources read
 * through {@link GaugeQueries}.
 */
public class GaugeRefresher {

    private final MeterRegistry registry;
    private final List<Snapshot<?>> snapshots = new CopyOnWriteArrayList<>();

    public GaugeRefresher(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers a source, reads it at once (so that the gauges have a value before the first round) and returns it. */
    public <T> Snapshot<T> register(Snapshot<T> snapshot, String source) {
        snapshots.add(snapshot);
        Gauge.builder("tongbao.metrics.source.up", snapshot, s -> s.failing() ? 0 : 1)
                .description("1 when the last read of this gauge source succeeded, 0 while it fails")
                .tag("source", source).register(registry);
        snapshot.refresh();
        return snapshot;
    }

    @Scheduled(fixedDelayString = "${tongbao.metrics.refresh-interval:PT10S}",
            initialDelayString = "${tongbao.metrics.refresh-interval:PT10S}")
    public void refreshAll() {
        snapshots.forEach(Snapshot::refresh);
    }
}
