-- coin-service V1: coin packs, wallets and the append-only coin ledger. (Seata's undo_log is created by common: SeataUndoLogInitializer.)
CREATE TABLE coin_pod (
    id         BIGINT       NOT NULL PRIMARY KEY,
    name       VARCHAR(128) NOT NULL,
    coin       INT          NOT NULL,
    gift_coin  INT          NOT NULL,
    price_fen  BIGINT       NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT ck_pod_amounts CHECK (coin > 0 AND gift_coin >= 0 AND price_fen > 0),
    CONSTRAINT ck_pod_status CHECK (status IN ('ON_SALE', 'OFF_SALE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The balance is the sum of the wallet's ledger entries, kept in the same transaction as each entry.
CREATE TABLE wallet (
    user_id    BIGINT       NOT NULL PRIMARY KEY,
    balance    BIGINT       NOT NULL DEFAULT 0,
    version    BIGINT       NOT NULL DEFAULT 0,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    CONSTRAINT ck_wallet_balance CHECK (balance >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE coin_ledger (
    id            BIGINT       NOT NULL PRIMARY KEY,
    user_id       BIGINT       NOT NULL,
    type          VARCHAR(16)  NOT NULL,
    coins         BIGINT       NOT NULL,
    balance_after BIGINT       NOT NULL,
    biz_type      VARCHAR(32)  NOT NULL,
    biz_id        VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE KEY ux_ledger_biz (biz_type, biz_id),
    KEY ix_ledger_user (user_id, id),
    CONSTRAINT ck_ledger_type CHECK (type IN ('CREDIT', 'DEBIT')),
    CONSTRAINT ck_ledger_balance CHECK (balance_after >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO coin_pod (id, name, coin, gift_coin, price_fen, status) VALUES
    (30001, '60 coins', 60, 0, 600, 'ON_SALE'),
    (30002, '300 coins + 30 gift', 300, 30, 3000, 'ON_SALE'),
    (30003, '980 coins + 150 gift', 980, 150, 9800, 'ON_SALE');
