package io.tongbao.order.flashsale;

import java.time.Instant;

/** A ticket whose order is still to be created, on topic flash-sale-order, keyed by the ticket id. */
record FlashSaleTicketQueued(String eventId, Instant occurredAt, long ticketId) {

    static final String TOPIC = "flash-sale-order";
}
