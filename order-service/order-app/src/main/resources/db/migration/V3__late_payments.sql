-- order-service V3: a payment that arrives for an order that is no longer UNPAID (closed by its timeout, or paid by
-- another attempt) is kept here, never lost, for the refund policy to settle.
CREATE TABLE late_payment (
    id          BIGINT       NOT NULL PRIMARY KEY,
    pay_no      VARCHAR(64)  NOT NULL,
    order_no    VARCHAR(32)  NOT NULL,
    amount_fen  BIGINT       NOT NULL,
    order_status VARCHAR(24) NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    received_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE KEY ux_late_payment (pay_no, order_no),
    CONSTRAINT ck_late_payment_status CHECK (status IN ('TO_REFUND', 'REFUNDED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
