package io.tongbao.order.flashsale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.id.IdGenerator;
import io.tongbao.order.api.CreateOrderCommand;
import io.tongbao.order.checkout.Order;
import io.tongbao.order.checkout.OrderService;
import io.tongbao.order.inventory.Inventory;

/**
 * Turns a QUEUED ticket into its order: an ordinary GOODS order of one unit at the sale price, with the normal
 * timeout, holding the sale's unit. QUEUED → ORDERED by compare-and-set in the order's own transaction, so a
 * redelivered message finds the ticket ORDERED and creates nothing. A ticket whose order cannot be created (the SKU
 * left the catalog, the order was refused) is FAILED with the reason, and its unit goes back to the sale.
 */
@Service
class FlashSaleOrders {

    private static final Logger log = LoggerFactory.getLogger(FlashSaleOrders.class);
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final IdGenerator ids;
    private final OrderService orders;
    private final Inventory inventory;
    private final FlashSales sales;
    private final FlashSaleUnits units;

    FlashSaleOrders(JdbcTemplate jdbc, TransactionTemplate tx, IdGenerator ids, OrderService orders,
            Inventory inventory, FlashSales sales, FlashSaleUnits units) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ids = ids;
        this.orders = orders;
        this.inventory = inventory;
        this.sales = sales;
        this.units = units;
    }

    void create(long ticketId) {
        FlashSaleTicket ticket = jdbc.query("SELECT " + FlashSaleTicket.COLUMNS + " FROM flash_sale_ticket WHERE id = ?",
                FlashSaleTicket::of, ticketId).stream().findFirst().orElse(null);
        if (ticket == null || !FlashSaleTicket.QUEUED.equals(ticket.status())) {
            return;
        }
        FlashSale sale = sales.find(ticket.saleId());
        try {
            Order order = tx.execute(status -> order(ticket, sale));
            if (order != null) {
                log.info("Flash sale {}: ticket {} ordered as {}", sale.id(), ticket.id(), order.getOrderNo());
            }
        } catch (ApiException refused) {
            tx.executeWithoutResult(status -> units.fail(ticket, refused.code() + ": " + refused.getMessage()));
        }
    }

    private Order order(FlashSaleTicket ticket, FlashSale sale) {
        long orderId = ids.nextId();
        if (jdbc.update("UPDATE flash_sale_ticket SET status = 'ORDERED', order_id = ?, order_no = ? "
                + "WHERE id = ? AND status = 'QUEUED'", orderId, Long.toString(orderId), ticket.id()) != 1) {
            return null;
        }
        String name = jdbc.query("SELECT name FROM sku WHERE id = ? AND status = 'ON_SALE'", (rs, n) -> rs.getString(1),
                sale.skuId()).stream().findFirst().orElseThrow(() -> ApiException.conflict(Inventory.SKU_NOT_FOUND,
                        "SKU " + sale.skuId() + " is no longer on sale"));
        return orders.createGoodsHeld(ticket.userId(), orderId,
                new CreateOrderCommand.Item("SKU", sale.skuId(), name, 1, sale.priceFen()),
                () -> inventory.reserveHeld(orderId, sale.skuId(), 1, sale.id()));
    }
}
