package io.tongbao.order.api;

/** UNPAID → PAID | CLOSED; PAID → PARTIALLY_REFUNDED → REFUNDED. Stored as text. */
public enum OrderStatus {
    UNPAID, PAID, CLOSED, PARTIALLY_REFUNDED, REFUNDED
}
