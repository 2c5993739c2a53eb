package io.tongbao.common.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Money is integer fen inside Tongbao. At the edges (JSON, provider APIs) it is a yuan string with exactly two
 * decimals, e.g. {@code "12.50"}. There is no floating point anywhere on this path.
 */
public final class Money {

    public static final String CNY = "CNY";
    private static final Pattern YUAN = Pattern.compile("(0|[1-9]\\d{0,12})\\.\\d{2}");

    private Money() {
    }

    /** 1250 becomes "12.50"; negative amounts keep their sign. */
    public static String toYuan(long fen) {
        return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** Strictly parses "12.50" into 1250 fen. Anything else (no decimals, three decimals, signs, blanks) fails. */
    public static long parseYuan(String yuan) {
        if (yuan == null || !YUAN.matcher(yuan).matches()) {
            throw new IllegalArgumentException("Amount must be yuan with two decimals, e.g. 12.50");
        }
        return new BigDecimal(yuan).movePointRight(2).longValueExact();
    }

    /** A provider's BigDecimal amount (scale up to 2) in fen; more than two decimals is an error, never rounded. */
    public static long fromYuan(BigDecimal yuan) {
        return yuan.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }
}
