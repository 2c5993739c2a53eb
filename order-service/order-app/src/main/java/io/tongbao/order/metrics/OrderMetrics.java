package io.tongbao.order.metrics;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tongbao.common.metrics.GaugeQueries;
import io.tongbao.common.metrics.GaugeRefresher;
import io.tongbao.common.metrics.Snapshot;
import io.tongbao.order.api.OrderStatus;

/**
 * {@code tongbao_orders{status}}: how many orders are in each status, from one grouped count on the status index,
 * refreshed on a schedule (never on a scrape). Every status is present, at 0 when no order has it.
 */
@Component
public class OrderMetrics {

    OrderMetrics(MeterRegistry registry, GaugeRefresher refresher, JdbcTemplate jdbc) {
        JdbcTemplate bounded = GaugeQueries.bounded(jdbc);
        Snapshot<Map<OrderStatus, Long>> counts = refresher.register(new Snapshot<>("orders",
                () -> countsOf(bounded), zeros()), "orders");
        for (OrderStatus status : OrderStatus.values()) {
            Gauge.builder("tongbao.orders", counts, c -> c.get().getOrDefault(status, 0L))
                    .description("Orders by status").tag("status", status.name()).register(registry);
        }
    }

    private static Map<OrderStatus, Long> countsOf(JdbcTemplate jdbc) {
        Map<OrderStatus, Long> counts = zeros();
        jdbc.query("SELECT status, COUNT(*) FROM orders GROUP BY status", rs -> {
            String status = rs.getString(1);
            long count = rs.getLong(2);
            // a status this build does not know yet is left out rather than failing the whole read
            Arrays.stream(OrderStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                    .ifPresent(s -> counts.put(s, count));
        });
        return counts;
    }

    private static Map<OrderStatus, Long> zeros() {
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            counts.put(status, 0L);
        }
        return counts;
    }
}
