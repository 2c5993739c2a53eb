package io.tongbao.order.flashsale;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.tongbao.common.mybatis.InstantTypeHandler;
import io.tongbao.order.inventory.HeldStock;

/**
 * Units come back to their sale: from a ticket whose order could not be created, and from a sale's order that was
 * closed (timeout or cancel, through the inventory's release). Each ticket gives its unit back once (returned_at by
 * compare-and-set) in the database, inside the transaction that caused it; Redis is told after the commit.
 */
@Component
class FlashSaleUnits implements HeldStock {

    private static final Logger log = LoggerFactory.getLogger(FlashSaleUnits.class);
    private final JdbcTemplate jdbc;
    private final FlashSaleStock stock;

    FlashSaleUnits(JdbcTemplate jdbc, FlashSaleStock stock) {
        this.jdbc = jdbc;
        this.stock = stock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void released(long saleId, long orderId, int quantity) {
        Long userId = jdbc.query("SELECT user_id FROM flash_sale_ticket WHERE order_id = ?",
                (rs, n) -> rs.getLong(1), orderId).stream().findFirst().orElse(null);
        if (userId == null || jdbc.update("UPDATE flash_sale_ticket SET returned_at = ? "
                + "WHERE order_id = ? AND returned_at IS NULL", now(), orderId) != 1) {
            return;
        }
        giveBack(saleId, userId, quantity);
        log.info("Flash sale {}: the unit of closed order {} is back", saleId, orderId);
    }

    /** QUEUED → FAILED with its reason, and its unit back; false when the ticket was no longer QUEUED. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean fail(FlashSaleTicket ticket, String reason) {
        String why = reason == null ? "the order could not be created" : reason.substring(0, Math.min(reason.length(), 255));
        if (jdbc.update("UPDATE flash_sale_ticket SET status = 'FAILED', reason = ?, returned_at = ? "
                + "WHERE id = ? AND status = 'QUEUED'", why, now(), ticket.id()) != 1) {
            return false;
        }
        giveBack(ticket.saleId(), ticket.userId(), 1);
        log.warn("Flash sale {}: ticket {} failed ({}); its unit is back", ticket.saleId(), ticket.id(), why);
        return true;
    }

    private void giveBack(long saleId, long userId, int quantity) {
        jdbc.update("UPDATE flash_sale SET remaining = remaining + ? WHERE id = ?", quantity, saleId);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    for (int i = 0; i < quantity; i++) {
                        stock.giveBack(saleId, userId);
                    }
                } catch (RuntimeException redisDown) {
                    // the database has the unit; Redis gets it back when the sale is next loaded
                    log.warn("Flash sale {}: Redis not told of a returned unit: {}", saleId, redisDown.toString());
                }
            }
        });
    }

    private static String now() {
        return InstantTypeHandler.sqlText(Instant.now());
    }
}
