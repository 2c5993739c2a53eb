package io.tongbao.gateway.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HS256 secret shared with whoever issues tokens. In the {@code local} profile it defaults to the published
 * local-only secret (API.md); anywhere else a missing or short secret stops the gateway from starting.
 */
@ConfigurationProperties("tongbao.jwt")
public record JwtProperties(String secret, @DefaultValue("PT12H") Duration devTokenTtl,
        @DefaultValue("PT30S") Duration clockSkew) {

    static final int MIN_SECRET_BYTES = 32;

    public JwtProperties {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("TONGBAO_JWT_SECRET is not set: the gateway does not start without a JWT secret");
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("TONGBAO_JWT_SECRET must be at least " + MIN_SECRET_BYTES + " bytes for HS256");
        }
    }

    public byte[] secretBytes() {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "JwtProperties[secret=<hidden>, devTokenTtl=" + devTokenTtl + ", clockSkew=" + clockSkew + "]";
    }
}
