package io.tongbao.order.flashsale;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A row of flash_sale_ticket: one unit taken by one buy, QUEUED until its order exists (ORDERED) or cannot (FAILED). */
record FlashSaleTicket(long id, long saleId, long userId, String status, String orderNo, String reason) {

    static final String QUEUED = "QUEUED";
    static final String ORDERED = "ORDERED";
    static final String FAILED = "FAILED";
    static final String COLUMNS = "id, sale_id, user_id, status, order_no, reason";

    static FlashSaleTicket of(ResultSet rs, int row) throws SQLException {
        return new FlashSaleTicket(rs.getLong("id"), rs.getLong("sale_id"), rs.getLong("user_id"),
                rs.getString("status"), rs.getString("order_no"), rs.getString("reason"));
    }
}
