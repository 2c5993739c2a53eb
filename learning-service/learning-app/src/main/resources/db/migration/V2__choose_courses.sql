-- learning-service V2: choose-course records, "my courses", and the inbox of the order-events consumer.
-- open_key is user:course while a record is open (AWAITING_PAYMENT) and NULL otherwise, so that a user has at most
-- one open choice, and so one open order, per course.
CREATE TABLE choose_course (
    id         BIGINT       NOT NULL PRIMARY KEY,
    user_id    BIGINT       NOT NULL,
    course_id  BIGINT       NOT NULL,
    status     VARCHAR(24)  NOT NULL,
    order_no   VARCHAR(32)  NULL,
    open_key   VARCHAR(48)  NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    UNIQUE KEY ux_choose_open (open_key),
    UNIQUE KEY ux_choose_order (order_no),
    KEY ix_choose_user (user_id, course_id),
    CONSTRAINT ck_choose_status CHECK (status IN ('ENROLLED', 'AWAITING_PAYMENT', 'CLOSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE my_course (
    id          BIGINT       NOT NULL PRIMARY KEY,
    user_id     BIGINT       NOT NULL,
    course_id   BIGINT       NOT NULL,
    source      VARCHAR(16)  NOT NULL,
    choose_id   BIGINT       NOT NULL,
    enrolled_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE KEY ux_my_course (user_id, course_id),
    CONSTRAINT ck_my_course_source CHECK (source IN ('FREE', 'PURCHASE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE inbox_message (
    consumer_group VARCHAR(128) NOT NULL,
    event_id       VARCHAR(64)  NOT NULL,
    received_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (consumer_group, event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
