-- coin-service V2: recharge records (one order each), and the inbox that makes the order-events consumer idempotent.
CREATE TABLE recharge (
    id         BIGINT       NOT NULL PRIMARY KEY,
    user_id    BIGINT       NOT NULL,
    pod_id     BIGINT       NOT NULL,
    order_no   VARCHAR(32)  NULL,
    amount_fen BIGINT       NOT NULL,
    coin       INT          NOT NULL,
    gift_coin  INT          NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    paid_at    TIMESTAMP(3) NULL,
    updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    UNIQUE KEY ux_recharge_order (order_no),
    KEY ix_recharge_user (user_id, id),
    CONSTRAINT ck_recharge_status CHECK (status IN ('UNPAID', 'PAID', 'CLOSED', 'REFUNDED')),
    CONSTRAINT ck_recharge_amounts CHECK (amount_fen > 0 AND coin > 0 AND gift_coin >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE inbox_message (
    consumer_group VARCHAR(128) NOT NULL,
    event_id       VARCHAR(64)  NOT NULL,
    received_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (consumer_group, event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
