package io.tongbao.common.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import io.tongbao.common.json.LongAsStringModule;

/** Boot registers every JacksonModule bean with its JsonMapper: longs leave every service as strings. */
@AutoConfiguration
public class TongbaoJsonAutoConfiguration {

    @Bean
    LongAsStringModule longAsStringModule() {
        return new LongAsStringModule();
    }
}
