package io.tongbao.common.logging;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * Masks secrets in every log line of every Tongbao application (see {@link SecretMasker}): registered in
 * META-INF/spring.factories, it installs the masking right after Spring Boot has set up logging, which resets
 * Logback and so drops any filter installed before.
 */
public class LogMasking implements GenericApplicationListener {

    private static final boolean LOGBACK = ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext",
            LogMasking.class.getClassLoader());

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType.toClass());
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (LOGBACK) {
            LogbackMasking.install();
        }
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
