package io.tongbao.sandbox.alipay.sign;

import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/** Builds Alipay's string-to-sign: sorted {@code key=value} pairs joined by {@code &}, raw values, blanks dropped. */
public final class SignContent {

    /** Requests sign everything but {@code sign}; {@code sign_type} is part of the string (PROVIDER-ALIPAY 1.3). */
    public static final Set<String> REQUEST_EXCLUDED = Set.of("sign");

    /** Notifies and return redirects leave {@code sign_type} out too, as {@code rsaCheckV1} expects (4). */
    public static final Set<String> NOTIFY_EXCLUDED = Set.of("sign", "sign_type");

    private SignContent() {
    }

    public static String of(Map<String, String> params, Set<String> excluded) {
        // TreeMap orders by UTF-16 code units, which is ASCII order for Alipay's ASCII keys
        var sorted = new TreeMap<String, String>();
        params.forEach((key, value) -> {
            if (!excluded.contains(key) && !isBlank(key) && !isBlank(value)) {
                sorted.put(key, value);
            }
        });
        var joined = new StringJoiner("&");
        sorted.forEach((key, value) -> joined.add(key + "=" + value));
        return joined.toString();
    }

    // the Java SDK treats whitespace-only values as empty and never sends them, so they cannot be part of its string
    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
