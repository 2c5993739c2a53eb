package io.tongbao.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import io.tongbao.testing.rocketmq.EmbeddedRocketMq;
import io.tongbao.testing.seata.SeataCoordinator;

/** Applies {@link RealMiddleware}: one application context, and so one fresh database, per test class. */
public class RealMiddlewareContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        RealMiddleware settings = AnnotatedElementUtils.findMergedAnnotation(testClass, RealMiddleware.class);
        return settings == null ? null : new Customizer(testClass, settings);
    }

    private record Customizer(Class<?> testClass, RealMiddleware settings) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("tongbao-real-middleware", properties()));
        }

        private Map<String, Object> properties() {
            Map<String, Object> p = new HashMap<>();
            if (!settings.database().isEmpty()) {
                String database = TestDatabases.create(settings.database());
                p.put("spring.datasource.url", LocalMiddleware.jdbcUrl(database));
                p.put("spring.datasource.username", LocalMiddleware.dbUser());
                p.put("spring.datasource.password", LocalMiddleware.dbPassword());
                p.put("tongbao.test.database", database);
            }
            p.put("spring.data.redis.host", LocalMiddleware.redisHost());
            p.put("spring.data.redis.port", LocalMiddleware.redisPort());
            p.put("spring.data.redis.database", LocalMiddleware.redisTestDatabase());
            if (settings.rocketmq()) {
                EmbeddedRocketMq mq = EmbeddedRocketMq.shared();
                for (String topic : settings.topics()) {
                    mq.createTopic(topic);
                }
                p.put("rocketmq.name-server", mq.nameServerAddress());
            }
            if (settings.seata()) {
                p.put("seata.enabled", "true");
                p.put("seata.service.grouplist.default", SeataCoordinator.shared().address());
            } else {
                p.put("seata.enabled", "false");
            }
            return p;
        }
    }
}
