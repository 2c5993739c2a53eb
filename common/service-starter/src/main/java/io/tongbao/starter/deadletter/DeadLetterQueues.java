package io.tongbao.starter.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;

/**
 * Reads the dead-letter queues of the service's consumer groups with a pull consumer that never commits an offset
 * (every listing reads the newest {@code limit} per queue again), and replays one dead letter by sending a copy to
 * its group's retry topic {@code %RETRY%<group>}: only that group receives it, under its original topic, and handles
 * it like any redelivery (with retries of its own). Replays are remembered for the listing.
 */
public class DeadLetterQueues {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterQueues.class);
    private static final int BATCH = 32;
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private final DefaultMQPullConsumer reader;
    private final DefaultMQProducer producer;
    private final Supplier<List<String>> groups;
    private final ReplayLog replays;
    private final int limit;
    private volatile boolean started;

    /** Where replays are remembered (Redis in a service; any map in a test). */
    public interface ReplayLog {
        void replayed(String group, String msgId, Instant at);

        Map<String, Instant> replays(String group);
    }

    public DeadLetterQueues(DefaultMQPullConsumer reader, DefaultMQProducer producer, Supplier<List<String>> groups,
            ReplayLog replays, int limit) {
        this.reader = reader;
        this.producer = producer;
        this.groups = groups;
        this.replays = replays;
        this.limit = limit;
    }

    /** The dead letters of every group, newest first. */
    public List<DeadLetter> list() {
        List<DeadLetter> all = new ArrayList<>();
        for (String group : groups.get()) {
            Map<String, Instant> replayed = replays.replays(group);
            for (MessageExt message : read(group)) {
                all.add(view(group, message, replayed.get(message.getMsgId())));
            }
        }
        all.sort(Comparator.comparing(DeadLetter::storedAt).reversed());
        return all;
    }

    /** Replays every dead letter with this id (once per group that holds it); 404 DEAD_LETTER_NOT_FOUND if none. */
    public List<DeadLetter> replay(String msgId) {
        List<DeadLetter> replayed = new ArrayList<>();
        for (String group : groups.get()) {
            Optional<MessageExt> found = read(group).stream().filter(m -> msgId.equals(m.getMsgId())).findFirst();
            if (found.isPresent()) {
                Instant at = Instant.now();
                send(group, found.get());
                replays.replayed(group, msgId, at);
                replayed.add(view(group, found.get(), at));
            }
        }
        if (replayed.isEmpty()) {
            throw ApiException.notFound("DEAD_LETTER_NOT_FOUND", "No dead letter " + msgId + " in " + groups.get());
        }
        return replayed;
    }

    private void send(String group, MessageExt dead) {
        Message copy = new Message(MixAll.getRetryTopic(group), dead.getTags(), dead.getKeys(), dead.getBody());
        dead.getProperties().forEach((name, value) -> {
            if (!MessageConst.STRING_HASH_SET.contains(name)) {
                MessageAccessor.putProperty(copy, name, value);
            }
        });
        // the consumer restores the original topic from this property, as for any redelivery
        MessageAccessor.putProperty(copy, MessageConst.PROPERTY_RETRY_TOPIC, originalTopic(dead));
        try {
            SendResult result = producer.send(copy);
            if (result.getSendStatus() != SendStatus.SEND_OK) {
                throw unavailable("the broker stored the replay as " + result.getSendStatus(), null);
            }
            log.info("Replayed dead letter {} (keys {}, topic {}) to {} as {}", dead.getMsgId(), dead.getKeys(),
                    originalTopic(dead), group, result.getMsgId());
        } catch (MQClientException | RemotingException | MQBrokerException e) {
            throw unavailable("the replay could not be sent", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted", e);
        }
    }

    private List<MessageExt> read(String group) {
        start();
        String topic = MixAll.getDLQTopic(group);
        List<MessageExt> messages = new ArrayList<>();
        try {
            for (MessageQueue queue : reader.fetchSubscribeMessageQueues(topic)) {
                long max = reader.maxOffset(queue);
                long offset = Math.max(reader.minOffset(queue), max - limit);
                while (offset < max) {
                    PullResult result = reader.pull(queue, "*", offset, BATCH);
                    if (result.getPullStatus() != PullStatus.FOUND) {
                        break;
                    }
                    messages.addAll(result.getMsgFoundList());
                    offset = result.getNextBeginOffset();
                }
            }
        } catch (MQClientException e) {
            if (noSuchTopic(e)) {
                return List.of(); // the group never dead-lettered anything
            }
            throw unavailable("the dead letters of " + group + " could not be read", e);
        } catch (RemotingException | MQBrokerException e) {
            throw unavailable("the dead letters of " + group + " could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted", e);
        }
        return messages;
    }

    private static boolean noSuchTopic(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MQClientException client && client.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST) {
                return true;
            }
        }
        return false;
    }

    private synchronized void start() {
        if (!started) {
            try {
                reader.start();
                started = true;
            } catch (MQClientException e) {
                throw unavailable("the dead-letter reader could not start", e);
            }
        }
    }

    public synchronized void shutdown() {
        if (started) {
            reader.shutdown();
            started = false;
        }
    }

    private static DeadLetter view(String group, MessageExt message, Instant replayedAt) {
        return new DeadLetter(message.getMsgId(), originalTopic(message), group, message.getKeys(),
                message.getReconsumeTimes(), Instant.ofEpochMilli(message.getStoreTimestamp()).atOffset(CHINA),
                new String(message.getBody(), StandardCharsets.UTF_8),
                replayedAt == null ? null : replayedAt.atOffset(CHINA));
    }

    private static String originalTopic(MessageExt message) {
        String topic = message.getProperty(MessageConst.PROPERTY_RETRY_TOPIC);
        return topic == null ? message.getTopic() : topic;
    }

    private static ApiException unavailable(String what, Exception cause) {
        log.warn("Dead letters: {}: {}", what, cause == null ? "" : cause.toString());
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.UPSTREAM_UNAVAILABLE,
                "RocketMQ: " + what);
    }

    /** Replays remembered in memory (tests, or a process without Redis). */
    public static ReplayLog inMemory() {
        Map<String, Map<String, Instant>> byGroup = new HashMap<>();
        return new ReplayLog() {
            @Override
            public synchronized void replayed(String group, String msgId, Instant at) {
                byGroup.computeIfAbsent(group, g -> new HashMap<>()).put(msgId, at);
            }

            @Override
            public synchronized Map<String, Instant> replays(String group) {
                return Map.copyOf(byGroup.getOrDefault(group, Map.of()));
            }
        };
    }
}
