package io.tongbao.payment.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tongbao.payment.channel.NotifyHandling;

class NotifyMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final NotifyMetrics metrics = new NotifyMetrics(registry);

    @Test
    void theAnswersOfEveryChannelStartAtZero() {
        assertThat(count("success")).isZero();
        assertThat(count("fail")).isZero();
        assertThat(registry.get(NotifyMetrics.NAME).tag("channel", "WECHAT").tag("outcome", "fail").timer().count())
                .isZero();
    }

    @Test
    void eachNotifyIsTimedUnderTheAnswerItGot() {
        assertThat(metrics.time("ALIPAY", () -> NotifyHandling.ACCEPTED)).isEqualTo(NotifyHandling.ACCEPTED);
        assertThat(metrics.time("ALIPAY", () -> NotifyHandling.ACCEPTED)).isEqualTo(NotifyHandling.ACCEPTED);
        assertThat(metrics.time("ALIPAY", () -> NotifyHandling.REFUSED)).isEqualTo(NotifyHandling.REFUSED);
        assertThat(metrics.time("ALIPAY", () -> NotifyHandling.FAILED)).isEqualTo(NotifyHandling.FAILED);
        assertThat(count("success")).isEqualTo(2);
        assertThat(count("fail")).isEqualTo(2);
    }

    @Test
    void aHandlerThatThrowsIsTimedAsAnError() {
        assertThatThrownBy(() -> metrics.time("ALIPAY", () -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(count("error")).isEqualTo(1);
    }

    private long count(String outcome) {
        return registry.get(NotifyMetrics.NAME).tag("channel", "ALIPAY").tag("outcome", outcome).timer().count();
    }
}
