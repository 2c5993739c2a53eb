-- order-service V11: what the user is told after a payment, a refund or a close (API.md, "Notifications").
-- One row per order event: event_id is unique, so a redelivered event (or a replayed dead letter) adds nothing.
-- use_code is the 6-digit pickup code of a paid GOODS order; null for every other notification.
CREATE TABLE notification (
    id          BIGINT       NOT NULL PRIMARY KEY,
    event_id    VARCHAR(64)  NOT NULL,
    user_id     BIGINT       NOT NULL,
    type        VARCHAR(24)  NOT NULL,
    order_no    VARCHAR(32)  NOT NULL,
    biz_type    VARCHAR(24)  NOT NULL,
    title       VARCHAR(128) NOT NULL,
    body        VARCHAR(512) NOT NULL,
    use_code    CHAR(6)      NULL,
    created_at  TIMESTAMP(3) NOT NULL,
    UNIQUE KEY uk_notification_event (event_id),
    KEY ix_notification_user (user_id, id),
    CONSTRAINT ck_notification_type CHECK (type IN ('ORDER_PAID', 'ORDER_REFUNDED', 'ORDER_CLOSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The open pickup codes: a code is unique among these (its primary key), and one order holds at most one. A code is
-- freed (its row deleted) when its order is fully refunded, and can then be handed out again.
CREATE TABLE open_use_code (
    code        CHAR(6)      NOT NULL PRIMARY KEY,
    order_no    VARCHAR(32)  NOT NULL,
    created_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE KEY uk_open_use_code_order (order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
