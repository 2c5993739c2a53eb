package io.tongbao.common.messaging;

import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a consumer's work for one message. A failure is rethrown, so RocketMQ redelivers it; on the last attempt
 * before the message moves to the dead-letter queue, it is logged with its keys so that ops can find and replay it.
 */
public final class Consumers {

    private static final Logger log = LoggerFactory.getLogger(Consumers.class);
    /** RocketMQ's default for concurrent consumers: after 16 redeliveries the message goes to %DLQ%group. */
    public static final int MAX_RECONSUME_TIMES = 16;

    private Consumers() {
    }

    /** Told of every failed consumption; {@code toDeadLetters} when it was the last try before the DLQ. */
    @FunctionalInterface
    public interface FailureListener {
        void failed(boolean toDeadLetters);
    }

    public static void run(String group, MessageExt message, Runnable work) {
        run(group, message, work, toDeadLetters -> {
        });
    }

    public static void run(String group, MessageExt message, Runnable work, FailureListener failures) {
        long start = System.nanoTime();
        try {
            work.run();
            log.info("Handled message {} (keys {}, topic {}, tag {}) in {} in {} ms", message.getMsgId(),
                    message.getKeys(), message.getTopic(), message.getTags(), group,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            boolean last = message.getReconsumeTimes() >= MAX_RECONSUME_TIMES;
            failures.failed(last);
            if (last) {
                log.error("Giving up on message {} (keys {}, topic {}) for {} after {} redeliveries: to the DLQ",
                        message.getMsgId(), message.getKeys(), message.getTopic(), group, message.getReconsumeTimes(), e);
            } else {
                log.warn("Message {} (keys {}) failed in {} (redelivery {}): {}", message.getMsgId(), message.getKeys(),
                        group, message.getReconsumeTimes(), e.toString());
            }
            throw e;
        }
    }
}
