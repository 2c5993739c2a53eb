package io.tongbao.starter.deadletter;

import java.util.List;

import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.spring.autoconfigure.RocketMQAutoConfiguration;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.DefaultRocketMQListenerContainer;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The dead-letter endpoints of a service whose {@code tongbao.ops.service} is set (the path segment), on the
 * service's own RocketMQ name server; groups default to those of the process's listeners.
 */
@AutoConfiguration(after = RocketMQAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "tongbao.ops", name = "service")
@ConditionalOnBean(RocketMQTemplate.class)
@EnableConfigurationProperties(DeadLetterProperties.class)
public class DeadLetterAutoConfiguration {

    @Bean(destroyMethod = "shutdown")
    DeadLetterQueues deadLetterQueues(DeadLetterProperties properties, RocketMQTemplate rocketmq,
            ApplicationContext context, ObjectProvider<RedissonClient> redisson,
            @Value("${rocketmq.name-server}") String nameServer, @Value("${spring.application.name}") String app) {
        DefaultMQPullConsumer reader = new DefaultMQPullConsumer(app + "-dead-letter-reader");
        reader.setNamesrvAddr(nameServer);
        reader.setInstanceName(app + "-dead-letter-reader-" + ProcessHandle.current().pid());
        List<String> configured = properties.deadLetters().groups();
        RedissonClient redis = redisson.getIfAvailable();
        return new DeadLetterQueues(reader, rocketmq.getProducer(), () -> configured.isEmpty()
                ? context.getBeansOfType(DefaultRocketMQListenerContainer.class).values().stream()
                        .map(DefaultRocketMQListenerContainer::getConsumerGroup).distinct().sorted().toList()
                : configured,
                redis == null ? DeadLetterQueues.inMemory() : new RedisReplayLog(redis, properties.service()),
                properties.deadLetters().limit());
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetterQueues queues) {
        return new DeadLetterController(queues);
    }
}
