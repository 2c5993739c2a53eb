package io.tongbao.payment.metrics;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tongbao.common.error.ApiException;
import io.tongbao.common.metrics.AfterCommit;
import io.tongbao.common.metrics.Backlog;
import io.tongbao.common.metrics.GaugeRefresher;

/**
 * payment-service's business metrics:
 * <ul>
 * <li>{@code tongbao_payments_total{channel,status}}: attempts that reached SUCCESS or CLOSED, counted once the
 * change is committed;</li>
 * <li>{@code tongbao_payments_pending} and {@code tongbao_payments_pending_oldest_age_seconds}: attempts still
 * PENDING and the age of the oldest (one query on the (status, created_at) index, refreshed on a schedule).</li>
 * </ul>
 * The notify latency is {@link NotifyMetrics}.
 */
@Component
public class PaymentMetrics {

    static final List<String> CHANNELS = List.of("ALIPAY", "WECHAT", "WALLET");
    static final List<String> SETTLED = List.of("SUCCESS", "CLOSED");

    private final MeterRegistry registry;

    PaymentMetrics(MeterRegistry registry, GaugeRefresher refresher, JdbcTemplate jdbc) {
        this.registry = registry;
        for (String channel : CHANNELS) {
            SETTLED.forEach(status -> payments(channel, status));
        }
        Backlog.register(registry, refresher, jdbc, Clock.systemUTC(), "pay_attempt",
                "SELECT COUNT(*), MIN(created_at) FROM pay_attempt WHERE status = 'PENDING'",
                "tongbao.payments.pending", "payment attempts still PENDING");
    }

    /** Counts an attempt that moved to {@code status}, after the surrounding transaction commits (at once without one). */
    public void moved(String channel, String status) {
        Counter counter = payments(channel, status);
        AfterCommit.increment(counter);
    }

    /**
     * A payment its channel settles at once (the wallet), by outcome: {@code success}, the problem code in lower
     * case (e.g. {@code insufficient_balance}), or {@code failed}; and its Seata global transaction, committed or
     * rolled back ({@code tongbao_payment_global_transactions_total}).
     */
    public void settled(String channel, RuntimeException failure) {
        String outcome = failure == null ? "success"
                : failure instanceof ApiException api ? api.code().toLowerCase(java.util.Locale.ROOT) : "failed";
        Counter.builder("tongbao.settled.payments").description("Payments settled at once (wallet), by outcome")
                .tags("channel", channel, "outcome", outcome).register(registry).increment();
        Counter.builder("tongbao.payment.global.transactions").description("Seata global transactions of payments")
                .tags("outcome", failure == null ? "committed" : "rolled_back").register(registry).increment();
    }

    private Counter payments(String channel, String status) {
        return Counter.builder("tongbao.payments").description("Payment attempts that reached a final state")
                .tags("channel", channel, "status", status).register(registry);
    }
}
