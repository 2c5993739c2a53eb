package io.tongbao.common.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.openfeign.FeignClientFactory;
import org.springframework.context.annotation.Bean;

import feign.RequestInterceptor;
import feign.codec.ErrorDecoder;
import io.tongbao.common.feign.FeignConvertersWarmUp;
import io.tongbao.common.feign.ProblemErrorDecoder;
import io.tongbao.common.feign.UnreachableServiceCapability;
import io.tongbao.common.seata.SeataXidRequestInterceptor;

/**
 * Feign glue: problem responses become typed exceptions, a service that cannot be reached becomes 503
 * SERVICE_UNAVAILABLE; Seata XIDs travel with every call.
 */
@AutoConfiguration
@ConditionalOnClass(ErrorDecoder.class)
public class TongbaoFeignAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ErrorDecoder problemErrorDecoder() {
        return new ProblemErrorDecoder();
    }

    /** Static, like the interceptor below: it is looked up by every Feign client's own context. */
    @Bean
    @ConditionalOnMissingBean
    static UnreachableServiceCapability unreachableServiceCapability() {
        return new UnreachableServiceCapability();
    }

    /** Each Feign client's converters built at start, not by racing first calls (see the class). */
    @Bean
    static FeignConvertersWarmUp feignConvertersWarmUp(ObjectProvider<FeignClientFactory> clients) {
        return new FeignConvertersWarmUp(clients);
    }

    /** Static, and in a class that depends on no Feign client: otherwise it is silently left out (MIDDLEWARE.md). */
    @Bean
    @ConditionalOnClass(name = "org.apache.seata.core.context.RootContext")
    static RequestInterceptor seataXidRequestInterceptor() {
        return new SeataXidRequestInterceptor();
    }
}
