package io.tongbao.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class JwtCodecTest {

    private static final byte[] SECRET = "tongbao-test-secret-0123456789abcdef-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private final JwtCodec codec = new JwtCodec(SECRET, Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsATokenItIssuedWithItsSubjectAndRoles() {
        String token = codec.issue("1001", List.of("ADMIN"), Duration.ofHours(1));
        assertThat(codec.verify(token)).contains(new AuthenticatedUser("1001", List.of("ADMIN")));
    }

    @Test
    void acceptsAHandMadeHs256TokenWithoutRoles() {
        String token = sign(SECRET, "{\"alg\":\"HS256\"}", "{\"sub\":\"42\",\"exp\":" + (NOW.getEpochSecond() + 60) + "}");
        assertThat(codec.verify(token)).contains(new AuthenticatedUser("42", List.of()));
    }

    @Test
    void rejectsATokenSignedWithAnotherSecret() {
        byte[] other = "another-secret-another-secret-another-secret".getBytes(StandardCharsets.UTF_8);
        String token = sign(other, "{\"alg\":\"HS256\"}", "{\"sub\":\"1001\",\"exp\":" + (NOW.getEpochSecond() + 60) + "}");
        assertThat(codec.verify(token)).isEmpty();
    }

    @Test
    void rejectsAnExpiredTokenBeyondTheClockSkew() {
        String token = sign(SECRET, "{\"alg\":\"HS256\"}", "{\"sub\":\"1001\",\"exp\":" + (NOW.getEpochSecond() - 31) + "}");
        assertThat(codec.verify(token)).isEmpty();
    }

    @Test
    void aRememberedTokenStillExpiresWithTheClock() {
        MutableClock clock = new MutableClock(NOW);
        JwtCodec remembering = new JwtCodec(SECRET, Duration.ofSeconds(30), clock);
        String token = remembering.issue("1001", List.of(), Duration.ofMinutes(10));
        assertThat(remembering.verify(token)).contains(new AuthenticatedUser("1001", List.of()));
        assertThat(remembering.verify(token)).contains(new AuthenticatedUser("1001", List.of()));
        clock.now = NOW.plus(Duration.ofMinutes(10)).plusSeconds(31);
        assertThat(remembering.verify(token)).isEmpty();
        assertThat(remembering.verify(token)).isEmpty();
    }

    @Test
    void aRememberedTokenWithAnotherSignatureIsCheckedAgainAndRejected() {
        String token = codec.issue("1001", List.of("ADMIN"), Duration.ofHours(1));
        assertThat(codec.verify(token)).isPresent();
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertThat(codec.verify(tampered)).isEmpty();
    }

    @Test
    void manyTokensNeverGrowTheMemoryBeyondItsLimit() {
        for (int i = 1; i <= JwtCodec.VERIFIED_LIMIT + 5; i++) {
            assertThat(codec.verify(codec.issue(Integer.toString(i), List.of(), Duration.ofHours(1)))).isPresent();
        }
        assertThat(codec.rememberedTokens()).isLessThanOrEqualTo(JwtCodec.VERIFIED_LIMIT);
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void rejectsATokenWithoutExpiry() {
        assertThat(codec.verify(sign(SECRET, "{\"alg\":\"HS256\"}", "{\"sub\":\"1001\"}"))).isEmpty();
    }

    @Test
    void rejectsANotYetValidToken() {
        long exp = NOW.getEpochSecond() + 3600;
        long nbf = NOW.getEpochSecond() + 600;
        assertThat(codec.verify(sign(SECRET, "{\"alg\":\"HS256\"}",
                "{\"sub\":\"1001\",\"exp\":" + exp + ",\"nbf\":" + nbf + "}"))).isEmpty();
    }

    @Test
    void rejectsTheNoneAlgorithmAndGarbage() {
        String none = b64("{\"alg\":\"none\"}") + "." + b64("{\"sub\":\"1001\",\"exp\":" + (NOW.getEpochSecond() + 60) + "}") + ".";
        assertThat(codec.verify(none)).isEmpty();
        assertThat(codec.verify("not-a-token")).isEmpty();
        assertThat(codec.verify("")).isEmpty();
    }

    @Test
    void rejectsSubjectsThatAreNotPositiveLongs() {
        long exp = NOW.getEpochSecond() + 60;
        for (String sub : List.of("0", "-1", "abc", "9223372036854775808", "01")) {
            String token = sign(SECRET, "{\"alg\":\"HS256\"}", "{\"sub\":\"" + sub + "\",\"exp\":" + exp + "}");
            assertThat(codec.verify(token)).as(sub).isEmpty();
        }
    }

    @Test
    void rejectsRolesThatCouldForgeTheRolesHeader() {
        long exp = NOW.getEpochSecond() + 60;
        String token = sign(SECRET, "{\"alg\":\"HS256\"}", "{\"sub\":\"1\",\"exp\":" + exp + ",\"roles\":[\"USER,ADMIN\"]}");
        assertThat(codec.verify(token)).isEmpty();
    }

    static String sign(byte[] secret, String header, String payload) {
        try {
            String signingInput = b64(header) + "." + b64(payload);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
