package io.tongbao.sandbox.wechat.sign;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",timestamp="…",serial_no="…",signature="…"}.
 * Parsed by key name: the SDK and WeChat's own docs write the pairs in different orders.
 */
public record AuthorizationHeader(String mchId, String nonce, String timestamp, String serialNo, String signature) {

    public static final String SCHEMA = "WECHATPAY2-SHA256-RSA2048";
    private static final Pattern PAIR = Pattern.compile("\\s*([a-z_]+)=\"([^\"]*)\"\\s*(?:,|$)");

    /** Empty when the header is absent, has another schema, or lacks one of the five pairs. */
    public static Optional<AuthorizationHeader> parse(String header) {
        if (header == null || !header.startsWith(SCHEMA + " ")) {
            return Optional.empty();
        }
        String pairs = header.substring(SCHEMA.length() + 1).trim();
        Map<String, String> values = new HashMap<>();
        Matcher matcher = PAIR.matcher(pairs);
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            values.putIfAbsent(matcher.group(1), matcher.group(2));
            end = matcher.end();
        }
        if (end != pairs.length()) {
            return Optional.empty();
        }
        var parsed = new AuthorizationHeader(values.get("mchid"), values.get("nonce_str"), values.get("timestamp"),
                values.get("serial_no"), values.get("signature"));
        return parsed.complete() ? Optional.of(parsed) : Optional.empty();
    }

    private boolean complete() {
        return isPresent(mchId) && isPresent(nonce) && isPresent(timestamp) && isPresent(serialNo)
                && isPresent(signature);
    }

    private static boolean isPresent(String value) {
        return value != null && !value.isEmpty();
    }
}
