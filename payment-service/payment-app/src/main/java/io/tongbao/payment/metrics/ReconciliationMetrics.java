package io.tongbao.payment.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tongbao.common.metrics.GaugeQueries;
import io.tongbao.common.metrics.GaugeRefresher;
import io.tongbao.common.metrics.Snapshot;

/**
 * {@code tongbao_reconciliations_total{channel,status}} (runs that finished BALANCED, DIFFERENCES or FAILED) and
 * {@code tongbao_reconciliation_differences{channel}}: the differences of the channel's latest compared day, read
 * from the stored results (so every replica reports it, also after a restart), refreshed on a schedule.
 */
@Component
public class ReconciliationMetrics {

    static final List<String> BILLED = List.of("ALIPAY", "WECHAT");
    static final List<String> OUTCOMES = List.of("BALANCED", "DIFFERENCES", "FAILED");
    private static final String LATEST = "SELECT r.channel, COUNT(d.seq) FROM reconciliation r "
            + "LEFT JOIN reconciliation_difference d ON d.channel = r.channel AND d.bill_date = r.bill_date "
            + "WHERE r.status IN ('BALANCED', 'DIFFERENCES') AND r.bill_date = (SELECT MAX(l.bill_date) "
            + "FROM reconciliation l WHERE l.channel = r.channel AND l.status IN ('BALANCED', 'DIFFERENCES')) "
            + "GROUP BY r.channel";

    private final MeterRegistry registry;

    ReconciliationMetrics(MeterRegistry registry, GaugeRefresher refresher, JdbcTemplate jdbc) {
        this.registry = registry;
        BILLED.forEach(channel -> OUTCOMES.forEach(status -> runs(channel, status)));
        JdbcTemplate bounded = GaugeQueries.bounded(jdbc);
        Snapshot<Map<String, Long>> latest = refresher.register(new Snapshot<>("reconciliation", () -> {
            Map<String, Long> byChannel = new HashMap<>();
            bounded.query(LATEST, rs -> {
                byChannel.put(rs.getString(1), rs.getLong(2));
            });
            return byChannel;
        }, Map.of()), "reconciliation");
        for (String channel : BILLED) {
            Gauge.builder("tongbao.reconciliation.differences", latest, s -> s.get().getOrDefault(channel, 0L))
                    .description("Differences found by the latest compared reconciliation day of the channel")
                    .tag("channel", channel).register(registry);
        }
    }

    /** Counts a finished run. */
    public void finished(String channel, String status) {
        runs(channel, status).increment();
    }

    private Counter runs(String channel, String status) {
        return Counter.builder("tongbao.reconciliations").description("Reconciliation runs by outcome")
                .tags("channel", channel, "status", status).register(registry);
    }
}
