package io.tongbao.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An application started the way every Tongbao service starts (Spring Boot sets up Logback, then common-core's
 * listener adds the masking) writes no secret to its console, as text or as JSON lines.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingTest {

    private static final String TOKEN = SecretMaskerTest.TOKEN;

    // Boot passes the format to Logback as a system property and leaves it behind: later tests want plain text
    @AfterEach
    void plainTextAgain() {
        System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
    }

    @Test
    void masksTheNacosTokenAndBearerValuesInPlainTextLogs(CapturedOutput output) {
        try (ConfigurableApplicationContext app = start()) {
            logSecrets();
        }

        assertThat(output.getOut()).doesNotContain(TOKEN).doesNotContain("opaque-bearer-value")
                .contains("ConfigBatchListenRequest{headers={accessToken=****, app=unknown}")
                .contains("calling payment-service with Bearer ****")
                .contains("java.lang.IllegalStateException: login refused for accessToken=****")
                .contains("Caused by: java.io.IOException: Authorization: ****");
    }

    @Test
    void masksThemInJsonLogsToo(CapturedOutput output) {
        try (ConfigurableApplicationContext app = start("--logging.structured.format.console=ecs")) {
            logSecrets();
            LoggerFactory.getLogger("io.tongbao.gateway").atInfo()
                    .addKeyValue("authorization", "Bearer " + TOKEN).log("forwarded");
        }

        assertThat(output.getOut()).doesNotContain(TOKEN).doesNotContain("opaque-bearer-value")
                .contains("\"message\":\"Send request fail, request = ConfigBatchListenRequest{headers={accessToken=****")
                .contains("calling payment-service with Bearer ****")
                .contains("\"message\":\"forwarded\"");
    }

    @Test
    void leavesLinesWithoutSecretsAsTheyAre(CapturedOutput output) {
        try (ConfigurableApplicationContext app = start()) {
            LoggerFactory.getLogger("io.tongbao.order").info("Order {} closed after {}", 7123, "PT30M");
            LoggerFactory.getLogger("io.tongbao.order").debug("below the level: accessToken={}", TOKEN);
        }

        assertThat(output.getOut()).contains("Order 7123 closed after PT30M").doesNotContain("below the level");
    }

    private static void logSecrets() {
        Logger nacos = LoggerFactory.getLogger("com.alibaba.nacos.common.remote.client");
        nacos.error("Send request fail, request = {}, retryTimes = {}, errorMessage = {}",
                "ConfigBatchListenRequest{headers={accessToken=" + TOKEN + ", app=unknown}}", 1, "UNAVAILABLE");
        Logger service = LoggerFactory.getLogger("io.tongbao.order.payment");
        service.info("calling payment-service with Bearer {}", "opaque-bearer-value");
        service.warn("login failed", new IllegalStateException("login refused for accessToken=" + TOKEN,
                new java.io.IOException("Authorization: Bearer " + TOKEN)));
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "spring.application.name=masking-test").run(args);
    }

    @SpringBootConfiguration
    static class Empty {
    }
}
