package io.tongbao.common.autoconfigure;

import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.tongbao.common.id.IdGenerator;
import io.tongbao.common.messaging.Inbox;
import io.tongbao.common.messaging.Outbox;
import io.tongbao.common.messaging.OutboxRelay;
import io.tongbao.common.tracing.Tracing;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox ({@code tongbao.outbox.enabled=true}: the schema has outbox_message) and the inbox
 * ({@code tongbao.inbox.enabled=true}: the schema has inbox_message).
 */
@AutoConfiguration(afterName = {"org.apache.rocketmq.spring.autoconfigure.RocketMQAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration"})
@ConditionalOnClass({RocketMQTemplate.class, JdbcTemplate.class})
public class TongbaoMessagingAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "tongbao.outbox.enabled", havingValue = "true")
    @EnableScheduling
    static class OutboxConfiguration {

        @Bean
        Outbox outbox(JdbcTemplate jdbc, IdGenerator ids, JsonMapper json, ObjectProvider<Tracing> tracing) {
            return new Outbox(jdbc, ids, json, tracing.getIfAvailable(() -> Tracing.NONE));
        }

        @Bean
        @ConditionalOnBean(RocketMQTemplate.class)
        OutboxRelay outboxRelay(JdbcTemplate jdbc, RocketMQTemplate rocketmq,
                ObjectProvider<Tracing> tracing, Outbox outbox,
                @org.springframework.beans.factory.annotation.Value("${tongbao.outbox.held-limit:PT2M}")
                java.time.Duration heldLimit,
                @org.springframework.beans.factory.annotation.Value("${tongbao.outbox.relay-after-commit:true}")
                boolean afterCommit) {
            OutboxRelay relay = new OutboxRelay(jdbc, rocketmq, tracing.getIfAvailable(() -> Tracing.NONE));
            relay.setHeldLimit(heldLimit);
            if (afterCommit) {
                // a message goes out right after its commit; the schedule only picks up what that missed
                outbox.onCommit(relay::relaySoon);
            }
            return relay;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "tongbao.inbox.enabled", havingValue = "true")
    static class InboxConfiguration {

        @Bean
        Inbox inbox(JdbcTemplate jdbc) {
            return new Inbox(jdbc);
        }
    }
}
