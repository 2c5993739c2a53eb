-- payment-service V11: reconciliation against the providers' bills. One row per channel and provider day (Beijing
-- time), RUNNING then BALANCED, DIFFERENCES or FAILED by compare-and-set; a repeated run replaces its differences.
CREATE TABLE reconciliation (
    channel             VARCHAR(16)  NOT NULL,
    bill_date           DATE         NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    our_count           INT          NOT NULL DEFAULT 0,
    provider_count      INT          NOT NULL DEFAULT 0,
    our_amount_fen      BIGINT       NOT NULL DEFAULT 0,
    provider_amount_fen BIGINT       NOT NULL DEFAULT 0,
    failure_reason      VARCHAR(256) NULL,
    started_at          TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    finished_at         TIMESTAMP(3) NULL,
    PRIMARY KEY (channel, bill_date),
    CONSTRAINT ck_reconciliation_status CHECK (status IN ('RUNNING', 'BALANCED', 'DIFFERENCES', 'FAILED')),
    CONSTRAINT ck_reconciliation_channel CHECK (channel IN ('ALIPAY', 'WECHAT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE reconciliation_difference (
    channel      VARCHAR(16) NOT NULL,
    bill_date    DATE        NOT NULL,
    seq          INT         NOT NULL,
    kind         VARCHAR(24) NOT NULL,
    out_trade_no VARCHAR(64) NOT NULL,
    refund_no    VARCHAR(64) NULL,
    ours         VARCHAR(64) NULL,
    theirs       VARCHAR(64) NULL,
    resolution   VARCHAR(16) NOT NULL,
    PRIMARY KEY (channel, bill_date, seq),
    CONSTRAINT ck_reconciliation_difference_kind CHECK (kind IN ('MISSING_LOCALLY', 'MISSING_AT_PROVIDER',
        'AMOUNT_MISMATCH', 'STATUS_MISMATCH')),
    CONSTRAINT ck_reconciliation_difference_resolution CHECK (resolution IN ('APPLIED', 'REPORTED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
