-- payment-service V10: the W3C trace context of the work that wrote each outbox row, so that the message (and its
-- consumers) continue that trace. (V10 so that versions below it stay free for the flow issues.)
ALTER TABLE outbox_message ADD COLUMN trace_parent VARCHAR(128) NULL;
