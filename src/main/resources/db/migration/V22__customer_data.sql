-- Customer data (issue 16): an order whose personal fields were erased says when; a store may
-- have them erased automatically N days after its orders are final; every export and erase is
-- written to an audit log the operator reads. Portable SQL: runs unchanged on H2 and PostgreSQL.
ALTER TABLE orders ADD COLUMN erased_at TIMESTAMP(6) WITH TIME ZONE;

-- NULL: no automatic erasure (the default)
ALTER TABLE stores ADD COLUMN retention_days INT;
ALTER TABLE stores ADD CONSTRAINT ck_stores_retention_days CHECK (retention_days BETWEEN 1 AND 3650);

-- the retention job's question: a store's final orders last changed before a day
CREATE INDEX ix_orders_store_status_updated ON orders (store_id, status, updated_at);

-- Who did what to a customer's data, and when. subject is the SHA-256 (hex) of the customer
-- reference, never the reference itself; detail holds counts, never personal values.
CREATE TABLE audit_log (
    id          VARCHAR(36)                 NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- the shown prefix of the store key that asked, or system for the retention job
    actor       VARCHAR(64)                 NOT NULL,
    store_id    VARCHAR(36),
    action      VARCHAR(32)                 NOT NULL,
    subject     VARCHAR(64),
    detail      VARCHAR(1000)
);
CREATE INDEX ix_audit_log_occurred ON audit_log (occurred_at, id);
CREATE INDEX ix_audit_log_store_occurred ON audit_log (store_id, occurred_at, id);
