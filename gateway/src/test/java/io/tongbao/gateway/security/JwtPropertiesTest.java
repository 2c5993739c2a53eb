package io.tongbao.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class JwtPropertiesTest {

    @Test
    void refusesToStartWithoutASecret() {
        assertThatThrownBy(() -> new JwtProperties(null, Duration.ofHours(1), Duration.ofSeconds(30)))
                .hasMessageContaining("TONGBAO_JWT_SECRET is not set");
        assertThatThrownBy(() -> new JwtProperties("  ", Duration.ofHours(1), Duration.ofSeconds(30)))
                .hasMessageContaining("TONGBAO_JWT_SECRET is not set");
    }

    @Test
    void refusesASecretTooShortForHs256() {
        assertThatThrownBy(() -> new JwtProperties("short-secret", Duration.ofHours(1), Duration.ofSeconds(30)))
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void neverPrintsTheSecret() {
        JwtProperties properties = new JwtProperties("a-secret-that-is-long-enough-for-hs256!", Duration.ofHours(1),
                Duration.ofSeconds(30));
        assertThat(properties.toString()).doesNotContain("a-secret").contains("<hidden>");
    }
}
