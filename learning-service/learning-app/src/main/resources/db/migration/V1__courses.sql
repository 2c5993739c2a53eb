-- learning-service V1: the course catalog, and Seata's undo log.
CREATE TABLE course (
    id         BIGINT       NOT NULL PRIMARY KEY,
    name       VARCHAR(128) NOT NULL,
    price_fen  BIGINT       NOT NULL,
    charge     VARCHAR(8)   NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT ck_course_charge CHECK ((charge = 'FREE' AND price_fen = 0) OR (charge = 'PAID' AND price_fen > 0)),
    CONSTRAINT ck_course_status CHECK (status IN ('PUBLISHED', 'DRAFT', 'RETIRED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO course (id, name, price_fen, charge, status) VALUES
    (20001, 'Java basics (free)', 0, 'FREE', 'PUBLISHED'),
    (20002, 'Spring Cloud Alibaba in practice', 19900, 'PAID', 'PUBLISHED'),
    (20003, 'Payments that never lose money', 29900, 'PAID', 'PUBLISHED');

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
