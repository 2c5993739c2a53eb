-- payment-service V4: wallet payments. An attempt keeps its price in coins; an outbox message written inside a Seata
-- global transaction waits HELD until that transaction has committed (see docs/adr/0006-wallet-payments-seata.md).
ALTER TABLE pay_attempt ADD COLUMN coins BIGINT NULL;
ALTER TABLE outbox_message DROP CONSTRAINT ck_outbox_status;
ALTER TABLE outbox_message ADD CONSTRAINT ck_outbox_status CHECK (status IN ('HELD', 'PENDING', 'SENT'));
