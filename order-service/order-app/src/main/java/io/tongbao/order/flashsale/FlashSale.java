package io.tongbao.order.flashsale;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** A row of flash_sale: its terms, and {@code remaining}, the database's count of the units no ticket holds. */
record FlashSale(long id, long skuId, int units, int remaining, long priceFen, Instant startAt, Instant endAt,
        int limitPerUser) {

    static final String COLUMNS = "id, sku_id, units, remaining, price_fen, start_at, end_at, limit_per_user";

    static FlashSale of(ResultSet rs, int row) throws SQLException {
        return new FlashSale(rs.getLong("id"), rs.getLong("sku_id"), rs.getInt("units"), rs.getInt("remaining"),
                rs.getLong("price_fen"), rs.getTimestamp("start_at").toInstant(), rs.getTimestamp("end_at").toInstant(),
                rs.getInt("limit_per_user"));
    }

    boolean activeAt(Instant now) {
        return !now.isBefore(startAt) && now.isBefore(endAt);
    }

    String statusAt(Instant now) {
        return now.isBefore(startAt) ? "COMING" : now.isBefore(endAt) ? "RUNNING" : "ENDED";
    }
}
