-- payment-service V3: channels are described by the code that implements them and its configuration (see
-- docs/adr/0005-payment-channels.md), so the table that advertised channels apart from the flow goes. Attempts keep
-- the H5 link they handed out, beside the QR content that pay_url already keeps.
DROP TABLE pay_channel;
ALTER TABLE pay_attempt ADD COLUMN h5_url TEXT NULL;
