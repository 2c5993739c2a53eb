package io.tongbao.common.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.cloud.autoconfigure.RefreshAutoConfiguration;
import org.springframework.cloud.context.refresh.ContextRefresher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * Settings follow a change of an imported configuration file through Spring Cloud's refresh, the same path a
 * change of the Nacos data id takes (Nacos' listener calls the context refresher).
 */
class RefreshableSettingsTest {

    @TempDir
    Path dir;

    @Test
    void bindsTheNewValuesWhenTheContextRefresherReportsAChange() throws IOException {
        Path file = write("tongbao.sample.timeout: PT5M");
        try (ConfigurableApplicationContext app = start(file)) {
            RefreshableSettings<Sample> settings = settings(app);
            assertThat(settings.get()).isEqualTo(new Sample(Duration.ofMinutes(5), Duration.ofHours(1)));

            write("tongbao.sample.timeout: PT7M\ntongbao.sample.max: 2h");
            assertThat(app.getBean(ContextRefresher.class).refresh())
                    .contains("tongbao.sample.timeout", "tongbao.sample.max");

            assertThat(settings.get()).isEqualTo(new Sample(Duration.ofMinutes(7), Duration.ofHours(2)));
        }
    }

    @Test
    void keepsTheCurrentValuesWhenTheChangedOnesDoNotBind() throws IOException {
        Path file = write("tongbao.sample.timeout: PT5M");
        try (ConfigurableApplicationContext app = start(file)) {
            RefreshableSettings<Sample> settings = settings(app);

            write("tongbao.sample.timeout: soon");
            app.getBean(ContextRefresher.class).refresh();
            assertThat(settings.get().timeout()).isEqualTo(Duration.ofMinutes(5));

            write("tongbao.sample.timeout: -PT1M");
            app.getBean(ContextRefresher.class).refresh();
            assertThat(settings.get().timeout()).as("refused by the record").isEqualTo(Duration.ofMinutes(5));
        }
    }

    @Test
    void failsTheStartWhenTheValuesDoNotBind() throws IOException {
        Path file = write("tongbao.sample.timeout: PT0S");

        assertThatThrownBy(() -> start(file).close()).hasStackTraceContaining("timeout must be positive");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("live.yaml"), yaml);
    }

    private static ConfigurableApplicationContext start(Path file) {
        // a command-line argument, as the refresher re-reads the imports of the command line, not of test properties
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off").run("--spring.config.import=optional:file:" + file);
    }

    @SuppressWarnings("unchecked")
    private static RefreshableSettings<Sample> settings(ConfigurableApplicationContext app) {
        return (RefreshableSettings<Sample>) app.getBeanProvider(
                ResolvableType.forClassWithGenerics(RefreshableSettings.class, Sample.class)).getObject();
    }

    record Sample(@DefaultValue("PT30M") Duration timeout, @DefaultValue("PT1H") Duration max) {

        Sample {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
        }
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration(RefreshAutoConfiguration.class)
    static class App {

        @Bean
        RefreshableSettings<Sample> sampleSettings(Environment environment) {
            return new RefreshableSettings<>(environment, "tongbao.sample", Sample.class);
        }
    }
}
