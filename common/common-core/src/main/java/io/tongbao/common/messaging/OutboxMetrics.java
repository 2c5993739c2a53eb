package io.tongbao.common.messaging;

import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.tongbao.common.metrics.Backlog;
import io.tongbao.common.metrics.GaugeRefresher;

/**
 * The outbox backlog of this service: {@code tongbao_outbox_pending} (rows not yet acknowledged by the broker) and
 * {@code tongbao_outbox_pending_oldest_age_seconds} (how long the oldest of them has waited; 0 when none), from
 * range reads on the (status, id) index (the count capped at {@value #COUNT_CAP}), refreshed by {@link GaugeRefresher}. Timer messages are handed to the broker at
 * once (it holds them until their time), so a waiting timeout does not count as lag.
 */
public class OutboxMetrics {

    /** Counting stops here: past it the figure only says "very far behind", and reading on would cost a scan. */
    static final int COUNT_CAP = 100_000;

    public OutboxMetrics(MeterRegistry registry, GaugeRefresher refresher, JdbcTemplate jdbc, Clock clock) {
        Backlog.register(registry, refresher, jdbc, clock, "outbox",
                "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM outbox_message WHERE status = 'PENDING' LIMIT " + COUNT_CAP
                        + ") pending), (SELECT created_at FROM outbox_message WHERE status = 'PENDING' ORDER BY id LIMIT 1)",
                "tongbao.outbox.pending", "outbox messages written but not yet sent");
    }
}
