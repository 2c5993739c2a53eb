package io.tongbao.learning.choose;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tongbao.common.id.IdGenerator;
import io.tongbao.common.messaging.Inbox;
import io.tongbao.order.api.BizType;
import io.tongbao.order.api.event.OrderEvent;

/**
 * A PAID COURSE order enrols its course exactly once ("my courses" is unique per user and course); CLOSED closes
 * the choice so that the user may choose again.
 */
@Service
class Enrolments {

    static final String GROUP = "learning-service-order-events";
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
            jdbc.update("INSERT IGNORE INTO my_course (id, user_id, course_id, source, choose_id) "
                    + "SELECT ?, user_id, course_id, 'PURCHASE', id FROM choose_course WHERE id = ?", ids.nextId(), chooseId);
        } else if (event.type() == OrderEvent.Type.CLOSED) {
            jdbc.update("UPDATE choose_course SET status = 'CLOSED', open_key = NULL "
                    + "WHERE id = ? AND status = 'AWAITING_PAYMENT'", chooseId);
        }
    }
}
