package io.tongbao.common.seata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;

/**
 * Creates Seata's {@code undo_log} table before Seata wraps the DataSource: the AT proxy refuses a database
 * without it, and wrapping happens before Flyway migrates a fresh schema. The table is Seata's, not the
 * service's, so it is created here (idempotently) rather than in each service's migrations.
 */
public class SeataUndoLogInitializer implements BeanPostProcessor, Ordered {

    static final String DDL_RESOURCE = "tongbao/seata-undo-log.sql";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !bean.getClass().getName().startsWith("org.apache.seata")) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(ddl());
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create Seata's undo_log table in " + beanName, e);
            }
        }
        return bean;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    static String ddl() {
        try (InputStream in = SeataUndoLogInitializer.class.getClassLoader().getResourceAsStream(DDL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + DDL_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
