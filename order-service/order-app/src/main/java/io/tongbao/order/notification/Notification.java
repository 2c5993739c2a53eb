package io.tongbao.order.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What the user is told about one order event (API.md, "Notifications"). {@code useCode} is the pickup code of a
 * paid GOODS order, null otherwise.
 */
public record Notification(long id, String eventId, long userId, String type, String orderNo, String bizType,
        String title, String body, String useCode, Instant createdAt) {

    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    /** The public JSON: ids as strings, the time with an offset, and nothing about the user it is for. */
    public record View(String notificationId, String type, String orderNo, String bizType, String title, String body,
            String useCode, OffsetDateTime createdAt) {
    }

    View view() {
        return new View(Long.toString(id), type, orderNo, bizType, title, body, useCode, createdAt.atOffset(CHINA));
    }
}
