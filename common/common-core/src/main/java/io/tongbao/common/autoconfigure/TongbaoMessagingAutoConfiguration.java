package io.tongbao.common.autoconfigure;

import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

import io.tongbao.common.id.IdGenerator;
import io.tongbao.common.messaging.Inbox;
import io.tongbao.common.messaging.Outbox;
import io.tongbao.common.messaging.OutboxRelay;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox and inbox, for services whose schema has the outbox_message and inbox_message tables
 * ({@code tongbao.outbox.enabled=true}).
 */
@AutoConfiguration(afterName = {"org.apache.rocketmq.spring.autoconfigure.RocketMQAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration"})
@ConditionalOnClass({RocketMQTemplate.class, JdbcTemplate.class})
@ConditionalOnProperty(name = "tongbao.outbox.enabled", havingValue = "true")
@EnableScheduling
public class TongbaoMessagingAutoConfiguration {

    @Bean
    Outbox outbox(JdbcTemplate jdbc, IdGenerator ids, JsonMapper json) {
        return new Outbox(jdbc, ids, json);
    }

    @Bean
    Inbox inbox(JdbcTemplate jdbc) {
        return new Inbox(jdbc);
    }

    @Bean
    @ConditionalOnBean(RocketMQTemplate.class)
    OutboxRelay outboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, RocketMQTemplate rocketmq) {
        return new OutboxRelay(jdbc, tx, rocketmq);
    }
}
