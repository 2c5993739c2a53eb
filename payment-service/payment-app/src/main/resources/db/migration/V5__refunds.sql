-- payment-service V5: refunds. Each is PROCESSING, then SUCCESS or FAILED by compare-and-set; its refund_no is the
-- provider's refund number on every try. What an order's payment has refunded is reserved on pay_attempt_order by a
-- guarded update, so that concurrent refunds can never add up to more than was paid. An automatic refund (a late or
-- duplicate payment) exists once per payment and order (auto_key).
CREATE TABLE refund (
    id                 BIGINT       NOT NULL PRIMARY KEY,
    refund_no          VARCHAR(32)  NOT NULL,
    pay_no             VARCHAR(32)  NOT NULL,
    order_no           VARCHAR(32)  NOT NULL,
    user_id            BIGINT       NOT NULL,
    channel            VARCHAR(16)  NOT NULL,
    kind               VARCHAR(24)  NOT NULL,
    amount_fen         BIGINT       NOT NULL,
    reason             VARCHAR(256) NULL,
    status             VARCHAR(16)  NOT NULL,
    failure_reason     VARCHAR(256) NULL,
    provider_refund_no VARCHAR(64)  NULL,
    auto_key           VARCHAR(80)  NULL,
    created_at         TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    succeeded_at       TIMESTAMP(3) NULL,
    updated_at         TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    UNIQUE KEY ux_refund_no (refund_no),
    UNIQUE KEY ux_refund_auto (auto_key),
    KEY ix_refund_order (order_no, id),
    KEY ix_refund_status (status, created_at),
    CONSTRAINT ck_refund_status CHECK (status IN ('PROCESSING', 'SUCCESS', 'FAILED')),
    CONSTRAINT ck_refund_kind CHECK (kind IN ('REQUESTED', 'LATE_PAYMENT', 'DUPLICATE_PAYMENT')),
    CONSTRAINT ck_refund_amount CHECK (amount_fen > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

ALTER TABLE pay_attempt_order ADD COLUMN refunded_fen BIGINT NOT NULL DEFAULT 0;
ALTER TABLE pay_attempt_order ADD CONSTRAINT ck_pay_attempt_order_refunded CHECK (refunded_fen >= 0 AND refunded_fen <= amount_fen);
