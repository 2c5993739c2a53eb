package io.tongbao.common.feign;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.openfeign.FeignClientFactory;
import org.springframework.cloud.openfeign.support.FeignHttpMessageConverters;

/**
 * Builds the message converters of every Feign client once, at start. spring-cloud-openfeign 5.0 builds them
 * lazily on a client's first call, without synchronization (spring-cloud-openfeign issues 1307 and 1371): calls that
 * arrive together as the first ones (a cancel and a few order timeouts at the same moment) can find an empty list
 * and fail with "'messageConverters' must not be empty", a 500. This runs after every singleton exists, so after the
 * Feign clients and their contexts, and before any request or message is taken.
 */
public class FeignConvertersWarmUp implements SmartInitializingSingleton {

    private final ObjectProvider<FeignClientFactory> clients;

    public FeignConvertersWarmUp(ObjectProvider<FeignClientFactory> clients) {
        this.clients = clients;
    }

    @Override
    public void afterSingletonsInstantiated() {
        FeignClientFactory factory = clients.getIfAvailable();
        if (factory == null) {
            return;
        }
        Set<String> names = new TreeSet<>(factory.getContextNames());
        // every client's own specification (the "default." ones are shared configuration, not clients)
        factory.getConfigurations().keySet().stream().filter(name -> !name.startsWith("default.")).forEach(names::add);
        for (String client : names) {
            FeignHttpMessageConverters converters = factory.getInstance(client, FeignHttpMessageConverters.class);
            if (converters != null) {
                converters.getConverters();
            }
        }
    }
}
