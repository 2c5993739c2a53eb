package io.tongbao.common.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.core.RocketMQListener;

import tools.jackson.databind.json.JsonMapper;

/**
 * A RocketMQ listener for one JSON event type: parses the body and runs {@link #handle} through {@link Consumers},
 * so failures are redelivered and logged with their keys before the DLQ.
 */
public abstract class JsonEventListener<T> implements RocketMQListener<MessageExt> {

    private final String group;
    private final Class<T> type;
    private final JsonMapper json;

    protected JsonEventListener(String group, Class<T> type, JsonMapper json) {
        this.group = group;
        this.type = type;
        this.json = json;
    }

    @Override
    public void onMessage(MessageExt message) {
        Consumers.run(group, message,
                () -> handle(json.readValue(new String(message.getBody(), StandardCharsets.UTF_8), type)));
    }

    protected abstract void handle(T event);
}
