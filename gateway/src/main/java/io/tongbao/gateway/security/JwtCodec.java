package io.tongbao.gateway.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * HS256 tokens as API.md defines them: {@code sub} is the decimal user id, optional {@code roles} is a list of
 * role names, {@code exp} is required. Anything else (another algorithm, a bad signature, an expired or
 * not-yet-valid token, a malformed subject) is rejected.
 */
public class JwtCodec {

    private static final Pattern USER_ID = Pattern.compile("[1-9]\\d{0,18}");
    private static final Pattern ROLE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    /** At most this many verified tokens are remembered; the whole memory is dropped when it is full. */
    static final int VERIFIED_LIMIT = 10_000;

    private final byte[] secret;
    private final Duration skew;
    private final Clock clock;
    private final MACVerifier verifier;
    /**
     * Tokens whose signature and claims were checked, with their validity window: a client sends the same token on
     * every request, so the signature is checked once, the times on every request.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    record Verified(AuthenticatedUser user, Instant notBefore, Instant expires) {
    }

    public JwtCodec(byte[] secret, Duration skew, Clock clock) {
        this.secret = secret.clone();
        this.skew = skew;
        this.clock = clock;
        try {
            this.verifier = new MACVerifier(this.secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("The JWT secret is not usable for HS256", e);
        }
    }

    public Optional<AuthenticatedUser> verify(String token) {
        Verified known = verified.get(token);
        if (known != null) {
            Instant now = clock.instant();
            if (known.expires().plus(skew).isBefore(now)) {
                verified.remove(token);
                return Optional.empty();
            }
            return known.notBefore() != null && known.notBefore().minus(skew).isAfter(now) ? Optional.empty()
                    : Optional.of(known.user());
        }
        Optional<Verified> checked = check(token);
        checked.ifPresent(v -> {
            if (verified.size() >= VERIFIED_LIMIT) {
                verified.clear();
            }
            verified.put(token, v);
        });
        return checked.map(Verified::user);
    }

    int rememberedTokens() {
        return verified.size();
    }

    private Optional<Verified> check(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            Date exp = claims.getExpirationTime();
            Date nbf = claims.getNotBeforeTime();
            if (exp == null || exp.toInstant().plus(skew).isBefore(now)
                    || (nbf != null && nbf.toInstant().minus(skew).isAfter(now))) {
                return Optional.empty();
            }
            String sub = claims.getSubject();
            List<String> roles = claims.getClaim("roles") == null ? List.of() : claims.getStringListClaim("roles");
            if (sub == null || !USER_ID.matcher(sub).matches() || !fitsInLong(sub)
                    || !roles.stream().allMatch(r -> ROLE.matcher(r).matches())) {
                return Optional.empty();
            }
            return Optional.of(new Verified(new AuthenticatedUser(sub, List.copyOf(roles)),
                    nbf == null ? null : nbf.toInstant(), exp.toInstant()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean fitsInLong(String digits) {
        try {
            Long.parseLong(digits);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public String issue(String userId, List<String> roles, Duration ttl) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(userId).claim("roles", roles)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
        return jwt.serialize();
    }
}
