package io.tongbao.order.notification;

import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Committed notifications to every replica's open streams, over a Redis channel (the consumer that records a
 * notification runs on one replica; the user's stream may be open on another). Redis channels are not per
 * database, so the channel is named with the database: stacks sharing one Redis never see each other's.
 */
@Component
class NotificationBroadcast implements DisposableBean {

    private final RTopic topic;
    private final JsonMapper json;
    private final int listener;

    NotificationBroadcast(RedissonClient redisson, JsonMapper json, NotificationStreams streams,
            @Value("${spring.data.redis.database:0}") int database) {
        this.json = json;
        this.topic = redisson.getTopic("tongbao:order:notifications:" + database, StringCodec.INSTANCE);
        this.listener = topic.addListener(String.class,
                (channel, message) -> streams.deliver(json.readValue(message, Notification.class)));
    }

    void publish(Notification notification) {
        topic.publish(json.writeValueAsString(notification));
    }

    @Override
    public void destroy() {
        topic.removeListener(listener);
    }
}
