package io.tongbao.common.nacos;

import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start with Nacos on in the public namespace. nacos-client 3.x names the public namespace "public" where
 * a Nacos 2.5 server expects "", so the server never answers its config listener as up to date: every instance reads
 * its data id again several times a second, forever. A namespace of its own works with Nacos 2.5 and 3.x alike.
 */
public class NacosNamespaceCheck implements EnvironmentPostProcessor, Ordered {

    private static final List<String> PARTS = List.of("config", "discovery");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        for (String part : PARTS) {
            String prefix = "spring.cloud.nacos." + part;
            if (!env.getProperty(prefix + ".enabled", Boolean.class, false)) {
                continue;
            }
            String namespace = env.getProperty(prefix + ".namespace", "").trim();
            if (namespace.isEmpty() || namespace.equalsIgnoreCase("public")) {
                throw new IllegalStateException(prefix + ".namespace is the public namespace ('" + namespace
                        + "'): set NACOS_NAMESPACE to a namespace of its own (docs/operations.md, Nacos)");
            }
        }
    }

    // after the configuration files and the Nacos import are loaded
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
