package io.tongbao.payment.metrics;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tongbao.payment.channel.NotifyHandling;

/**
 * {@code tongbao_payment_notify_seconds{channel,outcome}}: how long a provider's notify took to handle, by the answer
 * the provider got: {@code success} (accepted), {@code fail} (refused or not recorded: it will retry), or {@code error} when the handling threw.
 */
@Component
public class NotifyMetrics {

    static final String NAME = "tongbao.payment.notify";
    private final MeterRegistry registry;

    public NotifyMetrics(MeterRegistry registry) {
        this.registry = registry;
        // present at zero before the first notify, so that rates and ratios are defined from the start
        for (String channel : List.of("ALIPAY", "WECHAT")) {
            List.of("success", "fail").forEach(outcome -> timer(channel, outcome));
        }
    }

    /** Runs the handling of one notify and returns the provider's answer. */
    public NotifyHandling time(String channel, Supplier<NotifyHandling> handling) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            NotifyHandling answer = handling.get();
            outcome = answer == NotifyHandling.ACCEPTED ? "success" : "fail";
            return answer;
        } finally {
            timer(channel, outcome).record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private Timer timer(String channel, String outcome) {
        return Timer.builder(NAME).description("Handling of provider payment notifies")
                .tags("channel", channel, "outcome", outcome)
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5))
                .register(registry);
    }
}
