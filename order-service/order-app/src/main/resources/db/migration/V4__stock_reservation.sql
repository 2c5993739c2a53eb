-- order-service V4: stock moves between three counters. `stock` is what can still be reserved; an order's
-- reservation moves units to `reserved`; its payment moves them on to `sold` (through the stock-deduction topic),
-- and its close gives them back to `stock`. Each order's reservation of each SKU is one row whose status changes
-- only by compare-and-set, so that a deduction or a release happens exactly once and never both.
ALTER TABLE sku ADD COLUMN sold INT NOT NULL DEFAULT 0 AFTER reserved;
ALTER TABLE sku ADD CONSTRAINT ck_sku_sold CHECK (sold >= 0);

CREATE TABLE stock_reservation (
    order_id   BIGINT       NOT NULL,
    sku_id     BIGINT       NOT NULL,
    quantity   INT          NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (order_id, sku_id),
    KEY ix_stock_reservation_sku (sku_id, status),
    CONSTRAINT ck_stock_reservation_quantity CHECK (quantity > 0),
    CONSTRAINT ck_stock_reservation_status CHECK (status IN ('RESERVED', 'DEDUCTED', 'RELEASED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
