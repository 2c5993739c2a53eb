package io.tongbao.order.inventory;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.tongbao.common.error.ApiException;

/**
 * The stock of the goods catalog. Every move is a guarded update: a reservation takes units only while
 * {@code stock >= quantity}; a deduction or a release first moves the order's reservation row out of RESERVED by
 * compare-and-set, and only the caller that moved it touches the counters. All of it runs inside the caller's
 * transaction, so a reservation lives and dies with its order.
 */
@Service
public class Inventory {

    public static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    public static final String SKU_NOT_FOUND = "SKU_NOT_FOUND";
    private static final Logger log = LoggerFactory.getLogger(Inventory.class);

    private final JdbcTemplate jdbc;
    private final ObjectProvider<HeldStock> held;

    public Inventory(JdbcTemplate jdbc, ObjectProvider<HeldStock> held) {
        this.jdbc = jdbc;
        this.held = held;
    }

    /** A SKU on sale with our price, for pricing an order. */
    public record PricedSku(long skuId, String name, long priceFen) {
    }

    /** One line of a reservation. */
    public record Line(long skuId, int quantity) {
    }

    /** Each asked SKU with its name and price from our catalog, in skuId order; 404 SKU_NOT_FOUND for any other. */
    public List<PricedSku> price(SortedMap<Long, Integer> quantities) {
        return quantities.keySet().stream().map(skuId -> jdbc.query(
                "SELECT id, name, price_fen FROM sku WHERE id = ? AND status = 'ON_SALE'",
                (rs, n) -> new PricedSku(rs.getLong(1), rs.getString(2), rs.getLong(3)), skuId).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound(SKU_NOT_FOUND, "No SKU " + skuId + " on sale"))).toList();
    }

    /**
     * Reserves every line for the order, or none: 409 OUT_OF_STOCK rolls the caller's transaction back. Lines are
     * taken in skuId order so that two orders for the same SKUs lock them in the same order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reserve(long orderId, SortedMap<Long, Integer> quantities) {
        for (Map.Entry<Long, Integer> line : quantities.entrySet()) {
            int taken = jdbc.update("UPDATE sku SET stock = stock - ?, reserved = reserved + ? "
                    + "WHERE id = ? AND status = 'ON_SALE' AND stock >= ?", line.getValue(), line.getValue(),
                    line.getKey(), line.getValue());
            if (taken != 1) {
                throw ApiException.conflict(OUT_OF_STOCK, "Not enough stock of SKU " + line.getKey());
            }
            jdbc.update("INSERT INTO stock_reservation (order_id, sku_id, quantity, status) VALUES (?, ?, ?, 'RESERVED')",
                    orderId, line.getKey(), line.getValue());
        }
    }

    /**
     * Gives the order units that are already reserved for a holder (a flash sale: counted in {@code reserved} since
     * the sale was created), so the counters do not move; paid, they become sold like any others, and released, they
     * go back to the holder ({@link HeldStock}), not to free stock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reserveHeld(long orderId, long skuId, int quantity, long holderId) {
        jdbc.update("INSERT INTO stock_reservation (order_id, sku_id, quantity, status, flash_sale_id) "
                + "VALUES (?, ?, ?, 'RESERVED', ?)", orderId, skuId, quantity, holderId);
    }

    /** The order's reserved units become sold, once; returns the number of lines moved by this call. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int deduct(long orderId) {
        return settle(orderId, "DEDUCTED", "UPDATE sku SET reserved = reserved - ?, sold = sold + ? WHERE id = ?");
    }

    /**
     * The order's reserved units go back on sale, once; returns the number of lines moved by this call. Held units
     * go back to their holder instead (see {@link #reserveHeld}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int release(long orderId) {
        return settle(orderId, "RELEASED", "UPDATE sku SET reserved = reserved - ?, stock = stock + ? WHERE id = ?");
    }

    /** The order's reservation lines, in skuId order. */
    public List<Line> reservationOf(long orderId) {
        return jdbc.query("SELECT sku_id, quantity FROM stock_reservation WHERE order_id = ? ORDER BY sku_id",
                (rs, n) -> new Line(rs.getLong(1), rs.getInt(2)), orderId);
    }

    private int settle(long orderId, String to, String counters) {
        int moved = 0;
        for (Map<String, Object> line : jdbc.queryForList("SELECT sku_id, quantity, flash_sale_id FROM stock_reservation "
                + "WHERE order_id = ? ORDER BY sku_id", orderId)) {
            long skuId = ((Number) line.get("sku_id")).longValue();
            int quantity = ((Number) line.get("quantity")).intValue();
            Number holder = (Number) line.get("flash_sale_id");
            int won = jdbc.update("UPDATE stock_reservation SET status = ? "
                    + "WHERE order_id = ? AND sku_id = ? AND status = 'RESERVED'", to, orderId, skuId);
            if (won != 1) {
                continue;
            }
            if (holder != null && "RELEASED".equals(to)) {
                held.getObject().released(holder.longValue(), orderId, quantity);
            } else {
                jdbc.update(counters, quantity, quantity, skuId);
            }
            moved++;
        }
        if (moved > 0) {
            log.info("Order {}: {} reservation line(s) {}", orderId, moved, to.toLowerCase());
        }
        return moved;
    }
}
