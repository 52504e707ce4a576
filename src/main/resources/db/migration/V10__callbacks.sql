-- Callbacks to an order's callbackUrl (the outbox). A row is written in the same transaction
-- as the paymentStatus change it announces, so a change is never committed without its
-- callback. Portable SQL: runs unchanged on H2 and PostgreSQL.

-- seq orders one order's events: a later event waits until the earlier one is delivered or dead
CREATE SEQUENCE callback_delivery_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE callback_deliveries (
    seq             BIGINT        NOT NULL PRIMARY KEY,
    id              VARCHAR(36)   NOT NULL,
    order_id        VARCHAR(36)   NOT NULL REFERENCES orders (id),
    store_id        VARCHAR(36)   NOT NULL REFERENCES stores (id),
    -- Standard Webhooks' webhook-id: the same on every attempt and every redelivery of one event
    webhook_id      VARCHAR(64)   NOT NULL,
    event           VARCHAR(32)   NOT NULL,
    payment_status  VARCHAR(16)   NOT NULL,
    message         VARCHAR(200)  NOT NULL,
    url             VARCHAR(2048) NOT NULL,
    -- the exact bytes signed and sent (UTF-8), fixed when the event is first sent
    body            VARCHAR(65536),
    -- PENDING, DELIVERED or DEAD
    state           VARCHAR(16)   NOT NULL,
    attempt_count   INTEGER       NOT NULL,
    -- when the next attempt is due; while an attempt is under way, when its lease runs out
    next_attempt_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    redelivery_of   VARCHAR(36),
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT uq_callback_deliveries_id UNIQUE (id)
);
CREATE INDEX ix_callback_deliveries_due ON callback_deliveries (state, next_attempt_at);
CREATE INDEX ix_callback_deliveries_order ON callback_deliveries (order_id, seq);

-- Every attempt, kept: what the receiver answered, how fast, or why nothing was sent.
CREATE TABLE callback_attempts (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    delivery_seq     BIGINT       NOT NULL REFERENCES callback_deliveries (seq),
    attempted_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    status_code      INTEGER,
    latency_ms       BIGINT       NOT NULL,
    response_excerpt VARCHAR(1024),
    error            VARCHAR(500)
);
CREATE INDEX ix_callback_attempts_delivery ON callback_attempts (delivery_seq, attempted_at);
