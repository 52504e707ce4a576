-- Fraud rules per store (/v1/fraud/rules) and each screened order's score. An order scored at or
-- above its store's threshold is held for review as soon as it is paid.
CREATE TABLE fraud_rules (
    store_id   VARCHAR(36)                 NOT NULL PRIMARY KEY REFERENCES stores (id),
    -- the score at which an order is held; the rules as JSON (see fraud.FraudRules)
    threshold  INT                         NOT NULL,
    rules      VARCHAR(16384)              NOT NULL,
    updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE order_fraud_checks (
    order_id       VARCHAR(36)                 NOT NULL PRIMARY KEY REFERENCES orders (id),
    store_id       VARCHAR(36)                 NOT NULL REFERENCES stores (id),
    score          INT                         NOT NULL,
    threshold      INT                         NOT NULL,
    -- the rules that fired, as the timeline words them; null when none did
    fired          VARCHAR(500),
    -- HMAC-SHA256 (server key fraud-hash-key) of the lower-cased email and of the client address, for the per-hour counts
    email_hash     VARCHAR(64),
    client_ip_hash VARCHAR(64),
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- when the paid order was held for review
    held_at        TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX ix_order_fraud_checks_email ON order_fraud_checks (store_id, email_hash, created_at);
CREATE INDEX ix_order_fraud_checks_ip ON order_fraud_checks (store_id, client_ip_hash, created_at);
