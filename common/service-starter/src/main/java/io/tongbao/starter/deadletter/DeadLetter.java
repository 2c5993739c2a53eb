package io.tongbao.starter.deadletter;

import java.time.OffsetDateTime;

/**
 * A message that exhausted its retries in {@code group}: {@code topic} is the topic it was sent to, {@code msgId}
 * its message id (the same across its redeliveries), {@code replayedAt} when ops last replayed it (null: never).
 */
public record DeadLetter(String msgId, String topic, String group, String keys, int reconsumeTimes,
        OffsetDateTime storedAt, String body, OffsetDateTime replayedAt) {
}
