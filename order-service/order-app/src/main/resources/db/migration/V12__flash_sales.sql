-- order-service V12: flash sales. A sale's units are taken out of its SKU's free stock when the sale is created
-- (stock -> reserved), so that normal checkout can never sell them. `remaining` is the database's own count of the
-- units that no ticket holds: every accepted buy takes one by a guarded update (remaining > 0), and a ticket whose
-- order could not be created, or whose order was closed, gives its unit back exactly once (returned_at set by
-- compare-and-set). Redis gates the buys in front of it and is rebuilt from these rows when it lost them.
CREATE TABLE flash_sale (
    id             BIGINT       NOT NULL PRIMARY KEY,
    sku_id         BIGINT       NOT NULL,
    units          INT          NOT NULL,
    remaining      INT          NOT NULL,
    price_fen      BIGINT       NOT NULL,
    start_at       TIMESTAMP(3) NOT NULL,
    end_at         TIMESTAMP(3) NOT NULL,
    limit_per_user INT          NOT NULL,
    created_at     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    KEY ix_flash_sale_end (end_at),
    CONSTRAINT ck_flash_sale_units CHECK (units > 0 AND remaining >= 0 AND remaining <= units),
    CONSTRAINT ck_flash_sale_terms CHECK (price_fen > 0 AND limit_per_user > 0 AND end_at > start_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE flash_sale_ticket (
    id          BIGINT       NOT NULL PRIMARY KEY,
    sale_id     BIGINT       NOT NULL,
    user_id     BIGINT       NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    order_id    BIGINT       NULL,
    order_no    VARCHAR(32)  NULL,
    reason      VARCHAR(255) NULL,
    returned_at TIMESTAMP(3) NULL,
    created_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    KEY ix_flash_sale_ticket_user (sale_id, user_id),
    UNIQUE KEY ux_flash_sale_ticket_order (order_id),
    CONSTRAINT ck_flash_sale_ticket_status CHECK (status IN ('QUEUED', 'ORDERED', 'FAILED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A reservation line of a flash-sale order: its units were already reserved for the sale, so a release gives them
-- back to the sale, not to free stock.
ALTER TABLE stock_reservation ADD COLUMN flash_sale_id BIGINT NULL;
