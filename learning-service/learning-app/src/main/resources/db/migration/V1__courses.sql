-- learning-service V1: the course catalog. (Seata's undo_log is created by common: SeataUndoLogInitializer.)
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
