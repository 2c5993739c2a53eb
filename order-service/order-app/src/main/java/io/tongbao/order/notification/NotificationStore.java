package io.tongbao.order.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The notification rows: written once per order event (event_id is unique), read per user, newest first. */
@Repository
class NotificationStore {

    private static final RowMapper<Notification> ROW = NotificationStore::row;
    private final JdbcTemplate jdbc;

    NotificationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the row was written; false when a notification for this event exists already. */
    boolean insert(Notification n) {
        return jdbc.update("INSERT IGNORE INTO notification (id, event_id, user_id, type, order_no, biz_type, title, body, "
                + "use_code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", n.id(), n.eventId(), n.userId(), n.type(),
                n.orderNo(), n.bizType(), n.title(), n.body(), n.useCode(), Timestamp.from(n.createdAt())) == 1;
    }

    List<Notification> page(long userId, int page, int size) {
        return jdbc.query("SELECT * FROM notification WHERE user_id = ? ORDER BY id DESC LIMIT ? OFFSET ?", ROW,
                userId, size, (long) (page - 1) * size);
    }

    long count(long userId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE user_id = ?", Long.class, userId);
        return count == null ? 0 : count;
    }

    /** The user's notifications after the one with id {@code afterId}, oldest first (a reconnect's catch-up). */
    List<Notification> after(long userId, long afterId, int limit) {
        return jdbc.query("SELECT * FROM notification WHERE user_id = ? AND id > ? ORDER BY id LIMIT ?", ROW,
                userId, afterId, limit);
    }

    private static Notification row(ResultSet rs, int rowNum) throws SQLException {
        return new Notification(rs.getLong("id"), rs.getString("event_id"), rs.getLong("user_id"), rs.getString("type"),
                rs.getString("order_no"), rs.getString("biz_type"), rs.getString("title"), rs.getString("body"),
                rs.getString("use_code"), rs.getTimestamp("created_at").toInstant());
    }
}
