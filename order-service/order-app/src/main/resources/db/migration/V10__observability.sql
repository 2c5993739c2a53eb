-- order-service V10: the W3C trace context of the work that wrote each outbox row, so that the message (and its
-- consumers) continue that trace; and an index for the orders-by-status gauge (an index-only count).
-- (V10 so that V4-V9 stay free for the flow issues.)
ALTER TABLE outbox_message ADD COLUMN trace_parent VARCHAR(128) NULL;
CREATE INDEX ix_orders_status ON orders (status);
