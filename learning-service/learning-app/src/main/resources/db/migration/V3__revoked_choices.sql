-- learning-service V3: a fully refunded course purchase is REVOKED: its "my courses" row is removed, and the user
-- may choose the course again (a new choice, a new order).
ALTER TABLE choose_course DROP CONSTRAINT ck_choose_status;
ALTER TABLE choose_course ADD CONSTRAINT ck_choose_status
    CHECK (status IN ('ENROLLED', 'AWAITING_PAYMENT', 'CLOSED', 'REVOKED'));
