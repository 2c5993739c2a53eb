package io.tongbao.order.flashsale;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;
import io.tongbao.common.id.IdGenerator;
import io.tongbao.common.messaging.Outbox;
import io.tongbao.common.money.Money;
import io.tongbao.common.mybatis.InstantTypeHandler;
import io.tongbao.order.inventory.Inventory;

/**
 * Flash sales: created by an ADMIN with their units reserved out of the SKU's free stock up front; bought through
 * the Redis gate ({@link FlashSaleStock}), where every refused buy ends; an accepted buy takes its unit again in the
 * database by a guarded update (the last word, whatever Redis says) and stores its QUEUED ticket with the message
 * that creates its order, in one transaction, before the buyer hears 202.
 */
@Service
class FlashSales {

    static final String NOT_FOUND = "FLASH_SALE_NOT_FOUND";
    static final String SALE_NOT_ACTIVE = "SALE_NOT_ACTIVE";
    static final String SOLD_OUT = "SOLD_OUT";
    static final String LIMIT_REACHED = "LIMIT_REACHED";
    /** Loads in a row before a buy gives up (Redis losing the keys again right after each load). */
    private static final int MAX_LOADS = 3;
    private static final Logger log = LoggerFactory.getLogger(FlashSales.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final IdGenerator ids;
    private final Outbox outbox;
    private final FlashSaleStock stock;

    FlashSales(JdbcTemplate jdbc, TransactionTemplate tx, IdGenerator ids, Outbox outbox, FlashSaleStock stock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ids = ids;
        this.outbox = outbox;
        this.stock = stock;
    }

    record NewSale(String skuId, Integer units, String price, String startAt, String endAt, Integer limitPerUser) {
    }

    FlashSale create(NewSale request) {
        if (request == null) {
            throw invalid("A body is required");
        }
        if (request.skuId() == null || !request.skuId().matches("[1-9][0-9]{0,17}")) {
            throw invalid("skuId must be a SKU id");
        }
        if (request.units() == null || request.units() < 1) {
            throw invalid("units must be at least 1");
        }
        long priceFen;
        try {
            priceFen = Money.parseYuan(request.price());
        } catch (IllegalArgumentException e) {
            throw invalid("price must be yuan with two decimals, e.g. 1.00");
        }
        if (priceFen <= 0) {
            throw invalid("price must be above 0.00");
        }
        Instant startAt = instant(request.startAt(), "startAt");
        Instant endAt = instant(request.endAt(), "endAt");
        if (!endAt.isAfter(startAt)) {
            throw invalid("endAt must be after startAt");
        }
        if (!endAt.isAfter(Instant.now())) {
            throw invalid("endAt must be in the future");
        }
        int limit = request.limitPerUser() == null ? 1 : request.limitPerUser();
        if (limit < 1) {
            throw invalid("limitPerUser must be at least 1");
        }
        long skuId = Long.parseLong(request.skuId());
        Long skuPrice = jdbc.query("SELECT price_fen FROM sku WHERE id = ? AND status = 'ON_SALE'",
                (rs, n) -> rs.getLong(1), skuId).stream().findFirst()
                .orElseThrow(() -> ApiException.badRequest(Inventory.SKU_NOT_FOUND, "No SKU " + skuId + " on sale"));
        if (priceFen > skuPrice) {
            throw invalid("price must not be above the SKU's price " + Money.toYuan(skuPrice));
        }
        FlashSale sale = new FlashSale(ids.nextId(), skuId, request.units(), request.units(), priceFen, startAt, endAt,
                limit);
        tx.executeWithoutResult(status -> {
            if (jdbc.update("UPDATE sku SET stock = stock - ?, reserved = reserved + ? "
                    + "WHERE id = ? AND status = 'ON_SALE' AND stock >= ?", sale.units(), sale.units(), skuId,
                    sale.units()) != 1) {
                throw ApiException.conflict(Inventory.OUT_OF_STOCK, "SKU " + skuId + " has fewer than "
                        + sale.units() + " units of free stock");
            }
            jdbc.update("INSERT INTO flash_sale (" + FlashSale.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", sale.id(),
                    sale.skuId(), sale.units(), sale.remaining(), sale.priceFen(),
                    InstantTypeHandler.sqlText(sale.startAt()), InstantTypeHandler.sqlText(sale.endAt()),
                    sale.limitPerUser());
        });
        log.info("Flash sale {} created: {} units of SKU {} at {} fen, {} to {}", sale.id(), sale.units(), skuId,
                priceFen, startAt, endAt);
        return sale;
    }

    /** Running and coming sales, soonest first. */
    List<FlashSale> current() {
        return jdbc.query("SELECT " + FlashSale.COLUMNS + " FROM flash_sale WHERE end_at > ? ORDER BY start_at, id",
                FlashSale::of, InstantTypeHandler.sqlText(Instant.now()));
    }

    FlashSale find(long saleId) {
        return jdbc.query("SELECT " + FlashSale.COLUMNS + " FROM flash_sale WHERE id = ?", FlashSale::of, saleId)
                .stream().findFirst().orElseThrow(() -> ApiException.notFound(NOT_FOUND, "No flash sale " + saleId));
    }

    /**
     * One buy: through the Redis gate (loading the sale from the database first when Redis does not have it), then,
     * for a taken unit, the database's guarded update, the QUEUED ticket and its order message. A unit Redis gave
     * but the database refused (or that failed to be stored) goes back to Redis.
     */
    FlashSaleTicket buy(long saleId, long userId) {
        Instant now = Instant.now();
        FlashSaleStock.Take take = stock.take(saleId, userId, now);
        for (int load = 0; take == FlashSaleStock.Take.NOT_LOADED && load < MAX_LOADS; load++) {
            load(saleId);
            take = stock.take(saleId, userId, now);
        }
        switch (take) {
            case NOT_LOADED -> throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
                    "Flash sale " + saleId + " cannot be loaded right now; retry in a moment");
            case NOT_ACTIVE -> throw notActive(saleId);
            case SOLD_OUT -> throw soldOut(saleId);
            case LIMIT_REACHED -> throw limitReached(saleId);
            case TAKEN -> {
            }
        }
        try {
            return tx.execute(status -> queue(saleId, userId, now));
        } catch (RuntimeException refusedOrFailed) {
            stock.giveBack(saleId, userId);
            throw refusedOrFailed;
        }
    }

    String skuName(long skuId) {
        return jdbc.query("SELECT name FROM sku WHERE id = ?", (rs, n) -> rs.getString(1), skuId).stream().findFirst()
                .orElse(null);
    }

    /** The caller's own ticket; another user's answers exactly like a missing one. */
    FlashSaleTicket ticket(long ticketId, long userId) {
        return jdbc.query("SELECT " + FlashSaleTicket.COLUMNS + " FROM flash_sale_ticket WHERE id = ? AND user_id = ?",
                FlashSaleTicket::of, ticketId, userId).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("TICKET_NOT_FOUND", "No ticket " + ticketId));
    }

    /**
     * Loads the sale into Redis as the database has it: its remaining units, read before the holdings per user, so
     * that a buy committing in between can only leave Redis with more units than the truth (which the database's
     * guarded update then refuses), never fewer.
     */
    void load(long saleId) {
        FlashSale sale = find(saleId);
        Map<Long, Integer> held = jdbc.query("SELECT user_id, COUNT(*) FROM flash_sale_ticket "
                + "WHERE sale_id = ? AND returned_at IS NULL GROUP BY user_id", (rs, n) -> Map.entry(rs.getLong(1),
                rs.getInt(2)), saleId).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (stock.load(sale, sale.remaining(), held)) {
            log.info("Flash sale {} loaded into Redis: {} of {} units left, {} buyers holding units", saleId,
                    sale.remaining(), sale.units(), held.size());
        }
    }

    private FlashSaleTicket queue(long saleId, long userId, Instant now) {
        String at = InstantTypeHandler.sqlText(now);
        if (jdbc.update("UPDATE flash_sale SET remaining = remaining - 1 "
                + "WHERE id = ? AND remaining > 0 AND start_at <= ? AND end_at > ?", saleId, at, at) != 1) {
            throw find(saleId).activeAt(now) ? soldOut(saleId) : notActive(saleId);
        }
        // the row lock just taken orders every buy of this sale, so the count below cannot race
        int limit = jdbc.queryForObject("SELECT limit_per_user FROM flash_sale WHERE id = ?", Integer.class, saleId);
        int held = jdbc.queryForObject("SELECT COUNT(*) FROM flash_sale_ticket "
                + "WHERE sale_id = ? AND user_id = ? AND returned_at IS NULL", Integer.class, saleId, userId);
        if (held >= limit) {
            throw limitReached(saleId);
        }
        FlashSaleTicket ticket = new FlashSaleTicket(ids.nextId(), saleId, userId, FlashSaleTicket.QUEUED, null, null);
        jdbc.update("INSERT INTO flash_sale_ticket (id, sale_id, user_id, status, created_at) VALUES (?, ?, ?, ?, ?)",
                ticket.id(), saleId, userId, ticket.status(), at);
        outbox.enqueue(FlashSaleTicketQueued.TOPIC, null, Long.toString(ticket.id()),
                new FlashSaleTicketQueued(UUID.randomUUID().toString(), now, ticket.id()));
        return ticket;
    }

    private static Instant instant(String text, String field) {
        if (text == null) {
            throw invalid(field + " is required");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(field + " must be ISO-8601 with an offset");
        }
    }

    private static ApiException invalid(String detail) {
        return ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, detail);
    }

    private static ApiException notActive(long saleId) {
        return ApiException.conflict(SALE_NOT_ACTIVE, "Flash sale " + saleId + " is not running");
    }

    private static ApiException soldOut(long saleId) {
        return ApiException.conflict(SOLD_OUT, "Flash sale " + saleId + " is sold out");
    }

    private static ApiException limitReached(long saleId) {
        return ApiException.conflict(LIMIT_REACHED, "You already hold as many units of flash sale " + saleId
                + " as one buyer may");
    }
}
