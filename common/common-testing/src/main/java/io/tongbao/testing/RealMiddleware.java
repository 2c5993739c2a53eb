package io.tongbao.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Runs a Spring test on the real parts: a fresh MariaDB database for this test class, a clean Redis for each
 * test, the JVM's embedded RocketMQ broker, and, when asked, a real Seata coordinator. The context is closed after
 * its class (it has its own database anyway), so no earlier class's consumers share a consumer group with it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CleanRedisExtension.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface RealMiddleware {

    /** Prefix of the fresh database; empty for none. */
    String database() default "";

    /** Point {@code rocketmq.name-server} at the embedded broker. */
    boolean rocketmq() default true;

    /** Extra topics to create before the context starts (the ARCHITECTURE.md topics always exist). */
    String[] topics() default {};

    /** Start (once per JVM) a Seata coordinator and turn the client on; otherwise the client is off. */
    boolean seata() default false;
}
