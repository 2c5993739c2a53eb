package io.tongbao.common.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import io.tongbao.common.seata.SeataUndoLogInitializer;

/** With the Seata client on, every DataSource gets Seata's undo_log before the AT proxy checks for it. */
@AutoConfiguration
@ConditionalOnClass(name = "org.apache.seata.rm.datasource.DataSourceProxy")
@ConditionalOnProperty(name = "seata.enabled", havingValue = "true")
public class TongbaoSeataAutoConfiguration {

    @Bean
    static SeataUndoLogInitializer seataUndoLogInitializer() {
        return new SeataUndoLogInitializer();
    }
}
