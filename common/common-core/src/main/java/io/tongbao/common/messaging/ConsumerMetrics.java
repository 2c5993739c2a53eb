package io.tongbao.common.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Failed consumptions ({@code tongbao_consumer_failures_total}) and messages given up to the dead-letter queue
 * ({@code tongbao_consumer_dead_letters_total}), by topic and consumer group. The counters are registered at zero
 * for every listener when it starts, so that a rate is defined before the first failure.
 */
public class ConsumerMetrics {

    static final String FAILURES = "tongbao.consumer.failures";
    static final String DEAD_LETTERS = "tongbao.consumer.dead.letters";

    private final MeterRegistry registry;

    public ConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void listening(String topic, String group) {
        failures(topic, group);
        deadLetters(topic, group);
    }

    public void failed(String topic, String group, boolean toDeadLetters) {
        failures(topic, group).increment();
        if (toDeadLetters) {
            deadLetters(topic, group).increment();
        }
    }

    private Counter failures(String topic, String group) {
        return Counter.builder(FAILURES).description("Consumptions that threw and will be redelivered or dead-lettered")
                .tags("topic", topic, "group", group).register(registry);
    }

    private Counter deadLetters(String topic, String group) {
        return Counter.builder(DEAD_LETTERS).description("Messages that failed their last redelivery and went to the DLQ")
                .tags("topic", topic, "group", group).register(registry);
    }
}
