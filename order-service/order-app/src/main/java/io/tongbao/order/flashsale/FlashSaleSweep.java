package io.tongbao.order.flashsale;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.tongbao.common.mybatis.InstantTypeHandler;

/**
 * Keeps Redis and the database in step, on every replica (each step is safe to run twice at once):
 * <ul>
 * <li>a running sale whose Redis count differs from the database's (a unit Redis was never told of, keys restored
 * from an old snapshot) has its keys dropped, so that the next buy loads it again from the database;</li>
 * <li>an ended sale gives the units it still holds back to its SKU's free stock, and so does each unit that comes
 * back to it later (an order of the sale closed after the end).</li>
 * </ul>
 */
@Component
class FlashSaleSweep {

    private static final Logger log = LoggerFactory.getLogger(FlashSaleSweep.class);
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final FlashSaleStock stock;

    FlashSaleSweep(JdbcTemplate jdbc, TransactionTemplate tx, FlashSaleStock stock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.stock = stock;
    }

    @Scheduled(fixedDelayString = "${tongbao.flash-sale.sweep-interval:PT10S}",
            initialDelayString = "${tongbao.flash-sale.sweep-interval:PT10S}")
    void sweep() {
        try {
            resyncRunning();
            settleEnded();
        } catch (RuntimeException e) {
            log.warn("Flash-sale sweep failed, next round retries: {}", e.toString());
        }
    }

    void resyncRunning() {
        String now = InstantTypeHandler.sqlText(Instant.now());
        for (FlashSale sale : jdbc.query("SELECT " + FlashSale.COLUMNS + " FROM flash_sale WHERE start_at <= ? "
                + "AND end_at > ?", FlashSale::of, now, now)) {
            Integer inRedis = stock.unitsLeft(sale.id());
            if (inRedis != null && inRedis != sale.remaining()) {
                stock.drop(sale.id());
                log.info("Flash sale {}: Redis had {} units left, the database {}: reloading", sale.id(), inRedis,
                        sale.remaining());
            }
        }
    }

    void settleEnded() {
        List<Long> ended = jdbc.queryForList("SELECT id FROM flash_sale WHERE end_at <= ? AND remaining > 0",
                Long.class, InstantTypeHandler.sqlText(Instant.now()));
        for (long saleId : ended) {
            tx.executeWithoutResult(status -> {
                FlashSale sale = jdbc.query("SELECT " + FlashSale.COLUMNS + " FROM flash_sale WHERE id = ? FOR UPDATE",
                        FlashSale::of, saleId).get(0);
                if (sale.remaining() > 0) {
                    jdbc.update("UPDATE flash_sale SET remaining = 0 WHERE id = ?", saleId);
                    jdbc.update("UPDATE sku SET reserved = reserved - ?, stock = stock + ? WHERE id = ?",
                            sale.remaining(), sale.remaining(), sale.skuId());
                    log.info("Flash sale {} ended: {} unsold units back to the free stock of SKU {}", saleId,
                            sale.remaining(), sale.skuId());
                }
            });
        }
    }
}
