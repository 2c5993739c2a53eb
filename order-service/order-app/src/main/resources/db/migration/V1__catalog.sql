-- order-service V1: the goods catalog with its stock. (Seata's undo_log is created by common: SeataUndoLogInitializer.)
CREATE TABLE sku (
    id         BIGINT       NOT NULL PRIMARY KEY,
    name       VARCHAR(128) NOT NULL,
    price_fen  BIGINT       NOT NULL,
    stock      INT          NOT NULL,
    reserved   INT          NOT NULL DEFAULT 0,
    status     VARCHAR(16)  NOT NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    CONSTRAINT ck_sku_price CHECK (price_fen > 0),
    CONSTRAINT ck_sku_stock CHECK (stock >= 0 AND reserved >= 0),
    CONSTRAINT ck_sku_status CHECK (status IN ('ON_SALE', 'OFF_SALE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO sku (id, name, price_fen, stock, status) VALUES
    (10001, 'Tongbao notebook', 1250, 100, 'ON_SALE'),
    (10002, 'Calligraphy brush set', 8800, 20, 'ON_SALE'),
    (10003, 'Limited ink stone', 19900, 3, 'ON_SALE');
