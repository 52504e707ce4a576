-- Refunds of paid orders (issue 15): what the store says it sent back, and what the chain
-- shows. A transaction hash counts for one refund only, whatever the order.
CREATE TABLE refunds (
    id                VARCHAR(36)                 NOT NULL PRIMARY KEY,
    order_id          VARCHAR(36)                 NOT NULL REFERENCES orders (id),
    store_id          VARCHAR(36)                 NOT NULL,
    protocol          VARCHAR(16)                 NOT NULL,
    asset             VARCHAR(16)                 NOT NULL,
    amount            NUMERIC(38, 18)             NOT NULL,
    amount_base_units NUMERIC(78, 0)              NOT NULL,
    to_address        VARCHAR(42)                 NOT NULL,
    transaction_hash  VARCHAR(66),
    -- a rejected refund's hash moves here: it counts for nothing, so it is free for the refund it really is
    rejected_hash     VARCHAR(66),
    status            VARCHAR(16)                 NOT NULL,
    reason            VARCHAR(500),
    requested_by      VARCHAR(64)                 NOT NULL,
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    verified_at       TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT uq_refunds_transaction UNIQUE (protocol, transaction_hash)
);

CREATE INDEX ix_refunds_order ON refunds (order_id, created_at);
CREATE INDEX ix_refunds_status ON refunds (status, created_at);
