-- payment-service V2: payment attempts (payNo = the provider's out_trade_no; a new one on every try), the orders each
-- attempt pays, and the outbox that publishes payment-success in the same transaction as PENDING → SUCCESS.
CREATE TABLE pay_attempt (
    id                BIGINT       NOT NULL PRIMARY KEY,
    pay_no            VARCHAR(32)  NOT NULL,
    user_id           BIGINT       NOT NULL,
    channel           VARCHAR(16)  NOT NULL,
    mode              VARCHAR(16)  NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    amount_fen        BIGINT       NOT NULL,
    currency          CHAR(3)      NOT NULL,
    provider_trade_no VARCHAR(64)  NULL,
    pay_url           TEXT         NULL,
    created_at        TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    expire_at         TIMESTAMP(3) NOT NULL,
    paid_at           TIMESTAMP(3) NULL,
    closed_at         TIMESTAMP(3) NULL,
    updated_at        TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    UNIQUE KEY ux_pay_attempt_pay_no (pay_no),
    KEY ix_pay_attempt_pending (status, created_at),
    CONSTRAINT ck_pay_attempt_status CHECK (status IN ('PENDING', 'SUCCESS', 'CLOSED', 'FAILED')),
    CONSTRAINT ck_pay_attempt_channel CHECK (channel IN ('ALIPAY', 'WECHAT', 'WALLET')),
    CONSTRAINT ck_pay_attempt_amount CHECK (amount_fen > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE pay_attempt_order (
    pay_no     VARCHAR(32) NOT NULL,
    order_no   VARCHAR(32) NOT NULL,
    amount_fen BIGINT      NOT NULL,
    PRIMARY KEY (pay_no, order_no),
    KEY ix_pay_attempt_order (order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE outbox_message (
    id          BIGINT       NOT NULL PRIMARY KEY,
    topic       VARCHAR(64)  NOT NULL,
    tag         VARCHAR(64)  NULL,
    message_key VARCHAR(128) NOT NULL,
    payload     TEXT         NOT NULL,
    deliver_at  TIMESTAMP(3) NULL,
    status      VARCHAR(16)  NOT NULL,
    attempts    INT          NOT NULL DEFAULT 0,
    created_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    sent_at     TIMESTAMP(3) NULL,
    KEY ix_outbox_pending (status, id),
    CONSTRAINT ck_outbox_status CHECK (status IN ('PENDING', 'SENT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
