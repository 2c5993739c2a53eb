-- payment-service V1: the payment channels and their modes, and Seata's undo log.
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

-- Seata AT: the undo log of this service's branch transactions.
CREATE TABLE undo_log (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    branch_id     BIGINT       NOT NULL,
    xid           VARCHAR(128) NOT NULL,
    context       VARCHAR(128) NOT NULL,
    rollback_info LONGBLOB     NOT NULL,
    log_status    INT          NOT NULL,
    log_created   DATETIME(6)  NOT NULL,
    log_modified  DATETIME(6)  NOT NULL,
    UNIQUE KEY ux_undo_log (xid, branch_id),
    KEY ix_undo_log_created (log_created)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
