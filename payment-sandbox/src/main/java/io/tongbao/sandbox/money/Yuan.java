package io.tongbao.sandbox.money;

import java.util.regex.Pattern;

/** Converts between fen (inside) and yuan strings with two decimals (on the wire), without floating point. */
public final class Yuan {

    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,12})(?:\\.(\\d{1,2}))?");

    private Yuan() {
    }

    /** Parses "1", "1.5" or "1.50" into fen; anything else (signs, exponents, 3 decimals) is rejected. */
    public static long toFen(String yuan) {
        var matcher = AMOUNT.matcher(yuan == null ? "" : yuan.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an amount in yuan: " + yuan);
        }
        String decimals = matcher.group(2) == null ? "" : matcher.group(2);
        long fen = Long.parseLong((decimals + "00").substring(0, 2));
        return Math.addExact(Math.multiplyExact(Long.parseLong(matcher.group(1)), 100L), fen);
    }

    public static String format(long fen) {
        String sign = fen < 0 ? "-" : "";
        long abs = Math.abs(fen);
        return sign + (abs / 100) + "." + String.format("%02d", abs % 100);
    }
}
