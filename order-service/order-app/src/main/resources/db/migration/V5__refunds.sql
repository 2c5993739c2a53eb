-- order-service V5: refunds.
-- late_payment.announced: the kept payment has been announced on topic late-payment (through the outbox, in the
-- transaction that kept it), for payment-service to refund. Rows kept before this change start unannounced and are
-- announced by LatePaymentAnnouncer.
ALTER TABLE late_payment ADD COLUMN announced BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX ix_late_payment_unannounced ON late_payment (status, announced);

-- Each refund-success applied once per refund number, whatever its event id, with what it did: APPLIED (the order
-- or the late payment moved) or NOT_APPLIED (it would exceed the paid amount, or it was already settled).
CREATE TABLE order_refund (
    refund_no   VARCHAR(64)  NOT NULL PRIMARY KEY,
    order_no    VARCHAR(32)  NOT NULL,
    pay_no      VARCHAR(64)  NOT NULL,
    kind        VARCHAR(24)  NOT NULL,
    amount_fen  BIGINT       NOT NULL,
    outcome     VARCHAR(16)  NOT NULL,
    received_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    KEY ix_order_refund_order (order_no),
    CONSTRAINT ck_order_refund_kind CHECK (kind IN ('REQUESTED', 'LATE_PAYMENT', 'DUPLICATE_PAYMENT')),
    CONSTRAINT ck_order_refund_outcome CHECK (outcome IN ('APPLIED', 'NOT_APPLIED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
