package io.tongbao.common.settings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;

/**
 * A settings record that may change while the application runs, read per use with {@link #get()}. A record bound by
 * {@code @ConfigurationProperties} cannot follow a change: Spring Cloud's rebinder can only rebind mutable beans in
 * place ("Cannot create default instance ... for reset"). This holder binds a new record instead, whenever Spring
 * Cloud reports a changed environment (the {@link EnvironmentChangeEvent} its context refresher publishes, as after
 * a change of the Nacos data id). A change that does not bind (a malformed value, one the record's constructor
 * refuses) is logged and the current settings stay; at start it fails the start.
 *
 * <p>Declare one as a bean: {@code new RefreshableSettings<>(environment, "tongbao.order", OrderProperties.class)}.
 */
public final class RefreshableSettings<T> implements ApplicationListener<EnvironmentChangeEvent> {

    private static final Logger log = LoggerFactory.getLogger(RefreshableSettings.class);

    private final Environment environment;
    private final String prefix;
    private final Class<T> type;
    private volatile T current;

    public RefreshableSettings(Environment environment, String prefix, Class<T> type) {
        this.environment = environment;
        this.prefix = prefix;
        this.type = type;
        this.current = bind();
    }

    /** The settings as of now: read them where they are used, not once into a field. */
    public T get() {
        return current;
    }

    @Override
    public void onApplicationEvent(EnvironmentChangeEvent event) {
        T next;
        try {
            next = bind();
        } catch (RuntimeException e) {
            log.error("{} not changed, the new values do not bind: {}", prefix,
                    NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            return;
        }
        if (!next.equals(current)) {
            log.info("{} changed: {} (was {})", prefix, next, current);
            current = next;
        }
    }

    private T bind() {
        return Binder.get(environment).bindOrCreate(prefix, type);
    }
}
