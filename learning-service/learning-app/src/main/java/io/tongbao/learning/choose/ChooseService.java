package io.tongbao.learning.choose;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.id.IdGenerator;
import io.tongbao.learning.course.Course;
import io.tongbao.learning.course.CourseCatalog;
import io.tongbao.order.api.BizType;
import io.tongbao.order.api.CreateOrderCommand;
import io.tongbao.order.api.OrderInternalApi;

/**
 * Choosing a course: a free one is enrolled at once; a paid one waits for its COURSE order. A user has at most one
 * open choice per course (and so one open order), and a course already enrolled is 409 ALREADY_ENROLLED.
 */
@Service
class ChooseService {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final CourseCatalog courses;
    private final OrderInternalApi orders;
    private final IdGenerator ids;

    ChooseService(JdbcTemplate jdbc, TransactionTemplate tx, CourseCatalog courses, OrderInternalApi orders,
            IdGenerator ids) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.courses = courses;
        this.orders = orders;
        this.ids = ids;
    }

    record Choice(long chooseId, long courseId, String status, String orderNo) {
    }

    Choice choose(long userId, long courseId) {
        Course course = courses.published(courseId);
        if (enrolled(userId, courseId)) {
            throw ApiException.conflict("ALREADY_ENROLLED", "Course " + courseId + " is already in my courses");
        }
        if ("FREE".equals(course.getCharge())) {
            return enrolFree(userId, courseId);
        }
        Choice open = openChoice(userId, courseId);
        if (open == null) {
            open = openNew(userId, courseId);
        }
        return open.orderNo() != null ? open : attachOrder(open, userId, course);
    }

    record MyCourse(long courseId, String name, String source, OffsetDateTime enrolledAt) {
    }

    /** The caller's courses with their names, in one query; a course retired later stays listed. */
    List<MyCourse> myCourses(long userId) {
        return jdbc.query("""
                SELECT m.course_id, c.name, m.source, m.enrolled_at FROM my_course m JOIN course c ON c.id = m.course_id
                WHERE m.user_id = ? ORDER BY m.id""",
                (rs, i) -> new MyCourse(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant().atOffset(ZoneOffset.ofHours(8))), userId);
    }

    private Choice enrolFree(long userId, long courseId) {
        long chooseId = ids.nextId();
        try {
            tx.executeWithoutResult(s -> {
                jdbc.update("INSERT INTO choose_course (id, user_id, course_id, status) VALUES (?, ?, ?, 'ENROLLED')",
                        chooseId, userId, courseId);
                jdbc.update("INSERT INTO my_course (id, user_id, course_id, source, choose_id) VALUES (?, ?, ?, 'FREE', ?)",
                        ids.nextId(), userId, courseId, chooseId);
            });
        } catch (DuplicateKeyException concurrent) {
            throw ApiException.conflict("ALREADY_ENROLLED", "Course " + courseId + " is already in my courses");
        }
        return new Choice(chooseId, courseId, "ENROLLED", null);
    }

    private Choice openNew(long userId, long courseId) {
        long chooseId = ids.nextId();
        try {
            jdbc.update("INSERT INTO choose_course (id, user_id, course_id, status, open_key) "
                    + "VALUES (?, ?, ?, 'AWAITING_PAYMENT', ?)", chooseId, userId, courseId, openKey(userId, courseId));
            return new Choice(chooseId, courseId, "AWAITING_PAYMENT", null);
        } catch (DuplicateKeyException concurrent) {
            return openChoice(userId, courseId);
        }
    }

    /** The order is keyed by the choice, so asking again after a failure returns the same order. */
    private Choice attachOrder(Choice choice, long userId, Course course) {
        String orderNo = orders.createOrder(new CreateOrderCommand(userId, BizType.COURSE, Long.toString(choice.chooseId()),
                List.of(new CreateOrderCommand.Item("COURSE", course.getId(), course.getName(), 1, course.getPriceFen())),
                null)).orderNo();
        jdbc.update("UPDATE choose_course SET order_no = ? WHERE id = ? AND order_no IS NULL", orderNo, choice.chooseId());
        return new Choice(choice.chooseId(), choice.courseId(), choice.status(), orderNo);
    }

    private Choice openChoice(long userId, long courseId) {
        return jdbc.query("SELECT id, course_id, status, order_no FROM choose_course WHERE open_key = ?",
                (rs, i) -> new Choice(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)),
                openKey(userId, courseId)).stream().findFirst().orElse(null);
    }

    private boolean enrolled(long userId, long courseId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM my_course WHERE user_id = ? AND course_id = ?", Integer.class,
                userId, courseId) > 0;
    }

    static String openKey(long userId, long courseId) {
        return userId + ":" + courseId;
    }
}
