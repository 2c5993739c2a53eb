-- order-service V2: the generic order (one per business record), its items, and the outbox and inbox that carry
-- its events to and from RocketMQ in the same transactions as its state changes.
CREATE TABLE orders (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    order_no            VARCHAR(32)  NOT NULL,
    user_id             BIGINT       NOT NULL,
    biz_type            VARCHAR(16)  NOT NULL,
    biz_id              VARCHAR(64)  NOT NULL,
    status              VARCHAR(24)  NOT NULL,
    amount_fen          BIGINT       NOT NULL,
    paid_amount_fen     BIGINT       NOT NULL DEFAULT 0,
    refunded_amount_fen BIGINT       NOT NULL DEFAULT 0,
    currency            CHAR(3)      NOT NULL,
    pay_no              VARCHAR(64)  NULL,
    created_at          TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    expire_at           TIMESTAMP(3) NOT NULL,
    paid_at             TIMESTAMP(3) NULL,
    closed_at           TIMESTAMP(3) NULL,
    updated_at          TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    UNIQUE KEY ux_orders_order_no (order_no),
    UNIQUE KEY ux_orders_biz (biz_type, biz_id),
    KEY ix_orders_user (user_id, id),
    CONSTRAINT ck_orders_biz_type CHECK (biz_type IN ('GOODS', 'COURSE', 'COIN_RECHARGE')),
    CONSTRAINT ck_orders_status CHECK (status IN ('UNPAID', 'PAID', 'CLOSED', 'PARTIALLY_REFUNDED', 'REFUNDED')),
    CONSTRAINT ck_orders_amounts CHECK (amount_fen > 0 AND paid_amount_fen >= 0 AND refunded_amount_fen >= 0
        AND refunded_amount_fen <= paid_amount_fen)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE order_item (
    id        BIGINT       NOT NULL PRIMARY KEY,
    order_id  BIGINT       NOT NULL,
    item_type VARCHAR(16)  NOT NULL,
    item_id   BIGINT       NOT NULL,
    name      VARCHAR(128) NOT NULL,
    quantity  INT          NOT NULL,
    price_fen BIGINT       NOT NULL,
    KEY ix_order_item_order (order_id),
    CONSTRAINT ck_order_item CHECK (quantity > 0 AND price_fen > 0),
    CONSTRAINT ck_order_item_type CHECK (item_type IN ('SKU', 'COURSE', 'POD'))
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

CREATE TABLE inbox_message (
    consumer_group VARCHAR(128) NOT NULL,
    event_id       VARCHAR(64)  NOT NULL,
    received_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (consumer_group, event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
