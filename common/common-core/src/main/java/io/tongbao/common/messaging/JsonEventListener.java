package io.tongbao.common.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.AnnotationUtils;

import io.tongbao.common.tracing.Tracing;
import tools.jackson.databind.json.JsonMapper;

/**
 * A RocketMQ listener for one JSON event type: parses the body and runs {@link #handle} through {@link Consumers},
 * so failures are redelivered and logged with their keys before the DLQ. The handling continues the trace of the
 * request that wrote the event (the {@code traceparent} message property), and failures are counted.
 */
public abstract class JsonEventListener<T> implements RocketMQListener<MessageExt> {

    private final String group;
    private final Class<T> type;
    private final JsonMapper json;
    private Tracing tracing = Tracing.NONE;
    private ConsumerMetrics metrics;

    protected JsonEventListener(String group, Class<T> type, JsonMapper json) {
        this.group = group;
        this.type = type;
        this.json = json;
    }

    @Autowired(required = false)
    public void setTracing(Tracing tracing) {
        this.tracing = tracing;
    }

    @Autowired(required = false)
    public void setConsumerMetrics(ConsumerMetrics metrics) {
        this.metrics = metrics;
        RocketMQMessageListener listener = AnnotationUtils.findAnnotation(getClass(), RocketMQMessageListener.class);
        if (listener != null && !listener.topic().contains("$")) {
            metrics.listening(listener.topic(), group);
        }
    }

    @Override
    public void onMessage(MessageExt message) {
        tracing.consumer(message::getUserProperty, message.getTopic(), group, () -> Consumers.run(group, message,
                () -> handle(json.readValue(new String(message.getBody(), StandardCharsets.UTF_8), type)),
                toDeadLetters -> {
                    if (metrics != null) {
                        metrics.failed(message.getTopic(), group, toDeadLetters);
                    }
                }));
    }

    protected abstract void handle(T event);
}
