package io.tongbao.sandbox.wechat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.tongbao.sandbox.wechat.sign.Nonces;

/** Identifiers and times shaped like WeChat Pay's, so consumers that validate their form accept them. */
public final class WechatIds {

    /** WeChat Pay speaks Beijing time on the wire, whatever the host's zone is. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** RFC 3339 with the +08:00 offset, e.g. {@code 2018-06-08T10:34:56+08:00}. */
    public static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
            .withZone(ZONE);
    /** The payer of trades created without payer.openid (native and H5). */
    public static final String SANDBOX_OPENID = "oSandbox0000000000000000000";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZONE);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZONE);

    private WechatIds() {
    }

    public static String rfc3339(Instant instant) {
        return instant == null ? null : RFC3339.format(instant);
    }

    /** 28 digits, like {@code 4200000925202101281234567890}. */
    public static String newTransactionId(Instant now) {
        return "4200" + DAY.format(now) + Nonces.digits(16);
    }

    /** 29 digits, like {@code 50300000382019052709732678859}. */
    public static String newRefundId(Instant now) {
        return "5030" + DAY.format(now) + Nonces.digits(17);
    }

    /** 36 characters, like {@code wx201410272009395522657a690389285100}. */
    public static String newPrepayId(Instant now) {
        return "wx" + SECOND.format(now) + Nonces.alphanumeric(20).toLowerCase();
    }
}
