package io.tongbao.payment.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.context.refresh.ContextRefresher;
import org.springframework.test.context.ActiveProfiles;

import io.tongbao.common.settings.RefreshableSettings;
import io.tongbao.testing.RealMiddleware;

/**
 * The attempt lifetime and the compensation age follow a configuration refresh (as after a change of the Nacos
 * data id); PaymentService and PendingCompensation read them per use. A file import stands in for the data id.
 */
@SpringBootTest(args = "--spring.config.import=optional:file:" + PaymentSettingsRefreshIT.SOURCE)
@ActiveProfiles("local")
@RealMiddleware(database = "payment")
class PaymentSettingsRefreshIT {

    static final String SOURCE = "target/payment-settings-refresh-it/payment-service.yaml";

    // before the context starts (the constructor's parameters start it): what an earlier run left is not read
    @BeforeAll
    static void resetSource() {
        write("");
    }

    private final RefreshableSettings<PaymentSettings> settings;
    private final ContextRefresher refresher;

    @Autowired
    PaymentSettingsRefreshIT(RefreshableSettings<PaymentSettings> settings, ContextRefresher refresher) {
        this.settings = settings;
        this.refresher = refresher;
    }

    @Test
    void followsTheAttemptLifetimeAndTheCompensationAgeSetWhileRunning() {
        assertThat(settings.get()).as("application.yml")
                .isEqualTo(new PaymentSettings(Duration.ofMinutes(30), new PaymentSettings.Compensation(Duration.ofMinutes(2))));

        write("""
                tongbao:
                  payment:
                    attempt-ttl: PT15M
                    compensation:
                      older-than: PT45S
                """);
        assertThat(refresher.refresh())
                .contains("tongbao.payment.attempt-ttl", "tongbao.payment.compensation.older-than");

        assertThat(settings.get())
                .isEqualTo(new PaymentSettings(Duration.ofMinutes(15), new PaymentSettings.Compensation(Duration.ofSeconds(45))));
    }

    private static void write(String yaml) {
        try {
            Path file = Path.of(SOURCE);
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
