package io.tongbao.sandbox.alipay.trade;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Identifiers shaped like Alipay's, so consumers that validate their form accept them. */
public final class AlipayIds {

    /** Alipay speaks Beijing time on the wire, whatever the host's zone is. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String BUYER_ID = "2088102180000001";
    public static final String BUYER_LOGON_ID = "tb_***@sandbox.test";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZONE);

    private AlipayIds() {
    }

    /** 28 digits: the day, then a fixed channel part, then random digits, like {@code 2024112422001400001234567890}. */
    public static String newTradeNo(Instant now) {
        long random = ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L);
        return DAY.format(now) + "2200" + String.format("%016d", random);
    }

    public static String newNotifyId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A stable 16-digit 2088… partner id per app, used as seller_id and as the bill's account. */
    public static String sellerId(String appId) {
        long digits = Math.floorMod((long) appId.hashCode() * 2_654_435_761L, 1_000_000_000_000L);
        return "2088" + String.format("%012d", digits);
    }
}
