package io.tongbao.learning.choose;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tongbao.common.id.IdGenerator;
import io.tongbao.common.messaging.Inbox;
import io.tongbao.order.api.BizType;
import io.tongbao.order.api.event.OrderEvent;

/**
 * A PAID COURSE order enrols its course exactly once ("my courses" is unique per user and course); CLOSED closes
 * the choice so that the user may choose again. A full refund (REFUNDED with everything paid refunded) revokes it:
 * ENROLLED → REVOKED by compare-and-set, and the course leaves "my courses", so that it may be chosen again.
 */
@Service
class Enrolments {

    static final String GROUP = "learning-service-order-events";
    private static final Logger log = LoggerFactory.getLogger(Enrolments.class);
    private final JdbcTemplate jdbc;
    private final Inbox inbox;
    private final IdGenerator ids;

    Enrolments(JdbcTemplate jdbc, Inbox inbox, IdGenerator ids) {
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.ids = ids;
    }

    @Transactional
    public void apply(OrderEvent event) {
        if (event.bizType() != BizType.COURSE || !inbox.firstDelivery(GROUP, event.eventId())) {
            return;
        }
        long chooseId = Long.parseLong(event.bizId());
        if (event.type() == OrderEvent.Type.PAID) {
            jdbc.update("UPDATE choose_course SET status = 'ENROLLED', open_key = NULL "
                    + "WHERE id = ? AND status = 'AWAITING_PAYMENT'", chooseId);
            jdbc.update("INSERT IGNORE INTO my_course (id, user_id, course_id, source, choose_id) SELECT ?, user_id, "
                    + "course_id, 'PURCHASE', id FROM choose_course WHERE id = ? AND status = 'ENROLLED'",
                    ids.nextId(), chooseId);
        } else if (event.type() == OrderEvent.Type.CLOSED) {
            jdbc.update("UPDATE choose_course SET status = 'CLOSED', open_key = NULL "
                    + "WHERE id = ? AND status = 'AWAITING_PAYMENT'", chooseId);
        } else if (event.fullyRefunded()) {
            revoke(chooseId, event);
        }
    }

    private void revoke(long chooseId, OrderEvent event) {
        if (jdbc.update("UPDATE choose_course SET status = 'REVOKED' WHERE id = ? AND status = 'ENROLLED'",
                chooseId) == 1) {
            jdbc.update("DELETE FROM my_course WHERE choose_id = ? AND source = 'PURCHASE'", chooseId);
            log.info("Choice {} revoked: order {} refunded in full", chooseId, event.orderNo());
            return;
        }
        String status = jdbc.queryForList("SELECT status FROM choose_course WHERE id = ? FOR UPDATE", String.class,
                chooseId).stream().findFirst().orElse(null);
        if ("AWAITING_PAYMENT".equals(status)) {
            // its PAID event is still on its way: let the broker deliver this one again after it
            throw new IllegalStateException("Choice " + chooseId + " refunded before its payment was applied");
        }
        log.info("Choice {} is {}: refund of order {} changes nothing", chooseId, status, event.orderNo());
    }
}
