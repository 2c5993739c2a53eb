-- payment-service V1: the payment channels and their modes. (Seata's undo_log is created by common: SeataUndoLogInitializer.)
CREATE TABLE pay_channel (
    channel    VARCHAR(16) NOT NULL PRIMARY KEY,
    modes      VARCHAR(64) NOT NULL,
    enabled    BOOLEAN     NOT NULL,
    sort_order INT         NOT NULL,
    CONSTRAINT ck_pay_channel CHECK (channel IN ('ALIPAY', 'WECHAT', 'WALLET'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO pay_channel (channel, modes, enabled, sort_order) VALUES
    ('ALIPAY', 'QR,PAGE,WAP', TRUE, 1),
    ('WECHAT', 'NATIVE,JSAPI,H5', TRUE, 2),
    ('WALLET', 'BALANCE', TRUE, 3);
