-- The relay claims a batch of pending messages for a while (a lease) instead of holding them locked in an open
-- transaction while it talks to the broker. A relay that died mid-batch leaves its claim to expire.
ALTER TABLE outbox_message ADD COLUMN claimed_by VARCHAR(36) NULL, ADD COLUMN claimed_until TIMESTAMP(3) NULL;
