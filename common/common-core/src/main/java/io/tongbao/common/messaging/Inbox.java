package io.tongbao.common.messaging;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consumer-side deduplication: a message's event id is recorded in the same transaction as its effects, so a
 * redelivered message (RocketMQ delivers at least once) finds its id and changes nothing.
 */
public class Inbox {

    private final JdbcTemplate jdbc;

    public Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time this consumer group sees the event; false for every redelivery. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumerGroup, String eventId) {
        return jdbc.update("INSERT IGNORE INTO inbox_message (consumer_group, event_id) VALUES (?, ?)",
                consumerGroup, eventId) == 1;
    }
}
