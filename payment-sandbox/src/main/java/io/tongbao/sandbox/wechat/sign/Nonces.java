package io.tongbao.sandbox.wechat.sign;

import java.security.SecureRandom;

/** Random {@code [0-9A-Za-z]} strings, the alphabet WeChat uses for nonces (32 for signatures, 12 for AES-GCM). */
public final class Nonces {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Nonces() {
    }

    public static String alphanumeric(int length) {
        var out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    /** {@code length} decimal digits, for ids shaped like WeChat's. */
    public static String digits(int length) {
        var out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return out.toString();
    }
}
