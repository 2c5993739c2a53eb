package io.tongbao.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ConsumerMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConsumerMetrics metrics = new ConsumerMetrics(registry);

    @Test
    void countersStartAtZeroForEveryListener() {
        metrics.listening("payment-success", "order-service-payment-success");
        assertThat(count(ConsumerMetrics.FAILURES)).isZero();
        assertThat(count(ConsumerMetrics.DEAD_LETTERS)).isZero();
    }

    @Test
    void everyFailureIsCountedAndTheLastRedeliveryAlsoAsADeadLetter() {
        List<Boolean> told = new ArrayList<>();
        for (int redelivery : List.of(0, 1, Consumers.MAX_RECONSUME_TIMES)) {
            MessageExt message = new MessageExt();
            message.setTopic("payment-success");
            message.setReconsumeTimes(redelivery);
            assertThatThrownBy(() -> Consumers.run("order-service-payment-success", message,
                    () -> {
                        throw new IllegalStateException("boom");
                    }, toDeadLetters -> {
                        told.add(toDeadLetters);
                        metrics.failed(message.getTopic(), "order-service-payment-success", toDeadLetters);
                    })).isInstanceOf(IllegalStateException.class);
        }
        assertThat(told).containsExactly(false, false, true);
        assertThat(count(ConsumerMetrics.FAILURES)).isEqualTo(3);
        assertThat(count(ConsumerMetrics.DEAD_LETTERS)).isEqualTo(1);
    }

    @Test
    void aSuccessIsNoFailure() {
        MessageExt message = new MessageExt();
        message.setTopic("payment-success");
        List<Boolean> told = new ArrayList<>();
        Consumers.run("g", message, () -> {
        }, told::add);
        assertThat(told).isEmpty();
    }

    private double count(String name) {
        return registry.get(name).tag("topic", "payment-success").tag("group", "order-service-payment-success")
                .counter().count();
    }
}
