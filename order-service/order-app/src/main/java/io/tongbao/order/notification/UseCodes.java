package io.tongbao.order.notification;

import java.security.SecureRandom;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pickup codes: six random digits, unique among the open codes (the primary key of open_use_code decides, so two
 * replicas drawing the same code at once cannot both have it). An order keeps the code it was given.
 */
@Component
class UseCodes {

    static final int MAX_DRAWS = 50;
    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    UseCodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The order's open code, drawn now if it has none. */
    @Transactional(propagation = Propagation.MANDATORY)
    String assign(String orderNo) {
        for (int i = 0; i < MAX_DRAWS; i++) {
            String code = String.format("%06d", random.nextInt(1_000_000));
            if (jdbc.update("INSERT IGNORE INTO open_use_code (code, order_no) VALUES (?, ?)", code, orderNo) == 1) {
                return code;
            }
            List<String> held = jdbc.queryForList("SELECT code FROM open_use_code WHERE order_no = ?", String.class, orderNo);
            if (!held.isEmpty()) {
                return held.get(0);
            }
        }
        throw new IllegalStateException("No free pickup code after " + MAX_DRAWS + " draws");
    }

    /** The order's code is no longer open (its order was fully refunded): it may be drawn again. */
    @Transactional(propagation = Propagation.MANDATORY)
    void release(String orderNo) {
        jdbc.update("DELETE FROM open_use_code WHERE order_no = ?", orderNo);
    }
}
