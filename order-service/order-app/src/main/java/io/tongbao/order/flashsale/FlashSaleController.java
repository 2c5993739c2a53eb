package io.tongbao.order.flashsale;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.tongbao.common.error.ApiException;
import io.tongbao.common.error.ErrorCodes;
import io.tongbao.common.identity.Caller;
import io.tongbao.common.money.Money;

/** The flash sales of API.md: ADMIN create, public list, buy (202 with a ticket), and the caller's own tickets. */
@RestController
class FlashSaleController {

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private final FlashSales sales;

    FlashSaleController(FlashSales sales) {
        this.sales = sales;
    }

    record SaleView(long saleId, long skuId, String name, int units, int remaining, String price, String currency,
            OffsetDateTime startAt, OffsetDateTime endAt, int limitPerUser, String status) {
    }

    record TicketView(long ticketId, long saleId, String status, String orderNo, String reason) {
    }

    @PostMapping("/api/order/flash-sales")
    @ResponseStatus(HttpStatus.CREATED)
    SaleView create(@RequestBody(required = false) FlashSales.NewSale request, Caller caller) {
        if (!caller.isAdmin()) {
            throw new ApiException(HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN, "Flash sales are created by ADMIN only");
        }
        return view(sales.create(request), Instant.now());
    }

    @GetMapping("/api/order/flash-sales")
    List<SaleView> current() {
        Instant now = Instant.now();
        return sales.current().stream().map(sale -> view(sale, now)).toList();
    }

    @PostMapping("/api/order/flash-sales/{saleId}/buy")
    @ResponseStatus(HttpStatus.ACCEPTED)
    TicketView buy(@PathVariable("saleId") String saleId, Caller caller) {
        return view(sales.buy(id(saleId, FlashSales.NOT_FOUND, "flash sale"), caller.userId()));
    }

    @GetMapping("/api/order/flash-sales/tickets/{ticketId}")
    TicketView ticket(@PathVariable("ticketId") String ticketId, Caller caller) {
        return view(sales.ticket(id(ticketId, "TICKET_NOT_FOUND", "ticket"), caller.userId()));
    }

    private SaleView view(FlashSale sale, Instant now) {
        return new SaleView(sale.id(), sale.skuId(), sales.skuName(sale.skuId()), sale.units(), sale.remaining(),
                Money.toYuan(sale.priceFen()), Money.CNY, sale.startAt().atOffset(CHINA), sale.endAt().atOffset(CHINA),
                sale.limitPerUser(), sale.statusAt(now));
    }

    private static TicketView view(FlashSaleTicket ticket) {
        return new TicketView(ticket.id(), ticket.saleId(), ticket.status(), ticket.orderNo(), ticket.reason());
    }

    private static long id(String text, String notFound, String what) {
        if (!text.matches("[1-9][0-9]{0,17}")) {
            throw ApiException.notFound(notFound, "No " + what + " " + text);
        }
        return Long.parseLong(text);
    }
}
