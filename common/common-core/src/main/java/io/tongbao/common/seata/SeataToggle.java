package io.tongbao.common.seata;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The Seata client is on whenever a coordinator is configured ({@code seata.service.grouplist.default}, or a
 * registry other than {@code file}) and off otherwise, unless {@code seata.enabled} is set explicitly.
 */
public class SeataToggle implements EnvironmentPostProcessor {

    static final String GROUPLIST = "seata.service.grouplist.default";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.containsProperty("seata.enabled")) {
            return;
        }
        String registry = env.getProperty("seata.registry.type", "file");
        boolean configured = !"file".equals(registry) || !env.getProperty(GROUPLIST, "").isBlank();
        env.getPropertySources().addLast(new MapPropertySource("tongbao-seata-toggle",
                Map.of("seata.enabled", Boolean.toString(configured))));
    }
}
