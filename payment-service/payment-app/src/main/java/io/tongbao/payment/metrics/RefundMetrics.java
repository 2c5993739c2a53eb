package io.tongbao.payment.metrics;

import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tongbao.common.metrics.AfterCommit;
import io.tongbao.common.metrics.Backlog;
import io.tongbao.common.metrics.GaugeRefresher;

/**
 * {@code tongbao_refunds_total{channel,kind,status}} (refunds that reached SUCCESS or FAILED, counted after commit),
 * and {@code tongbao_refunds_processing} with {@code tongbao_refunds_processing_oldest_age_seconds}.
 */
@Component
public class RefundMetrics {

    private final MeterRegistry registry;

    RefundMetrics(MeterRegistry registry, GaugeRefresher refresher, JdbcTemplate jdbc) {
        this.registry = registry;
        Backlog.register(registry, refresher, jdbc, Clock.systemUTC(), "refund",
                "SELECT COUNT(*), MIN(created_at) FROM refund WHERE status = 'PROCESSING'",
                "tongbao.refunds.processing", "refunds still PROCESSING");
    }

    /** Counts a refund that moved to {@code status}, once its transaction commits. */
    public void moved(String channel, String kind, String status) {
        Counter counter = Counter.builder("tongbao.refunds").description("Refunds that reached a final state")
                .tags("channel", channel, "kind", kind, "status", status).register(registry);
        AfterCommit.increment(counter);
    }
}
