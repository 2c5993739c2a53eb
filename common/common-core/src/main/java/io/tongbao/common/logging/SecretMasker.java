package io.tongbao.common.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the secrets a log line may carry with {@value #MASK}: values of secret-named keys ({@code accessToken=},
 * {@code "password":}, {@code api-v3-key:}, ...), {@code Bearer} credentials, anything shaped like a JWT (the Nacos
 * token is one), and private keys (PEM blocks and the one-line base64 PKCS#8 form the provider keys come in).
 * Libraries print these on their own: nacos-client writes its request headers, token included, into every failed
 * request it logs.
 */
public final class SecretMasker {

    public static final String MASK = "****";

    // the key may go on (secretKey, NACOS_PASSWORD, api-v3-key), then = or :, maybe quoted as in JSON
    private static final Pattern KEY_VALUE = Pattern.compile("(?i)((?:access|refresh|id)[_-]?token|token|password"
            + "|passwd|secret|api[_-]?v3[_-]?key|api[_-]?key|private[_-]?key|authorization)([\\w-]*)"
            + "(\\\\?[\"']?\\s*[=:]\\s*\\\\?[\"']?)((?:(?:bearer|basic)\\s+)?[^\\s,;&}\\])\"'<>\\\\]+)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)\\s+[A-Za-z0-9._~+/-]+=*");
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern PEM_PRIVATE_KEY = Pattern.compile(
            "-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\\s\\S]*?-----END \\1PRIVATE KEY-----");
    // the DER header of an unencrypted PKCS#8 RSA key, in base64; public keys (SubjectPublicKeyInfo) differ
    private static final Pattern PKCS8_RSA_KEY = Pattern.compile(
            "MII[A-Za-z0-9+/]{5}ADANBgkqhkiG9w0BAQEFAAS[A-Za-z0-9+/=]*");

    private static final List<Rule> RULES = List.of(
            new Rule(PEM_PRIVATE_KEY, "-----BEGIN $1PRIVATE KEY-----" + MASK + "-----END $1PRIVATE KEY-----"),
            new Rule(PKCS8_RSA_KEY, MASK),
            new Rule(KEY_VALUE, "$1$2$3" + MASK),
            new Rule(BEARER, "$1 " + MASK),
            new Rule(JWT, MASK));

    private SecretMasker() {
    }

    /** The text with its secrets masked; the same instance when there is nothing to mask. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (Rule rule : RULES) {
            masked = rule.apply(masked);
        }
        return masked;
    }

    /** Whether the text holds anything {@link #mask} would change. */
    public static boolean hasSecret(String text) {
        return mask(text) != text;
    }

    private record Rule(Pattern pattern, String replacement) {

        String apply(String text) {
            Matcher matcher = pattern.matcher(text);
            if (!matcher.find()) {
                return text;
            }
            String replaced = matcher.replaceAll(replacement);
            // a value that was already masked stays the same string: report "nothing masked"
            return replaced.equals(text) ? text : replaced;
        }
    }
}
