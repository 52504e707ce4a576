-- Portable SQL: runs unchanged on H2 (embedded default) and PostgreSQL (production).

CREATE TABLE server_secrets (
    name         VARCHAR(64)  NOT NULL PRIMARY KEY,
    secret_value VARCHAR(512) NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE stores (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    name                VARCHAR(200)  NOT NULL,
    markup_percentage   NUMERIC(9, 4) NOT NULL,
    discount_percentage NUMERIC(9, 4) NOT NULL,
    -- NULL means every asset the server is configured for, including ones added later
    accepted_assets     VARCHAR(1000),
    webhook_secret      VARCHAR(100)  NOT NULL,
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    deleted_at          TIMESTAMP(6) WITH TIME ZONE
);

CREATE TABLE store_wallets (
    store_id VARCHAR(36) NOT NULL REFERENCES stores (id),
    protocol VARCHAR(16) NOT NULL,
    address  VARCHAR(42) NOT NULL,
    PRIMARY KEY (store_id, protocol)
);

CREATE TABLE api_keys (
    id         VARCHAR(36) NOT NULL PRIMARY KEY,
    store_id   VARCHAR(36) NOT NULL REFERENCES stores (id),
    -- SHA-256 of the key: the key itself is shown once and never stored
    key_hash   VARCHAR(64) NOT NULL,
    key_prefix VARCHAR(16) NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT uq_api_keys_hash UNIQUE (key_hash)
);
CREATE INDEX ix_api_keys_store ON api_keys (store_id);

CREATE TABLE orders (
    id                        VARCHAR(36)    NOT NULL PRIMARY KEY,
    store_id                  VARCHAR(36)    NOT NULL REFERENCES stores (id),
    ecommerce_order_id        VARCHAR(128)   NOT NULL,
    -- equals ecommerce_order_id while the order is unpaid (pending, on-hold), NULL after:
    -- the unique constraint below allows one unpaid order per shop order on every database
    open_ecommerce_order_id   VARCHAR(128),
    ecommerce_type            VARCHAR(32)    NOT NULL,
    order_total               NUMERIC(38, 18) NOT NULL,
    order_currency            VARCHAR(16)    NOT NULL,
    payment_status            VARCHAR(16)    NOT NULL,
    status                    VARCHAR(16)    NOT NULL,
    callback_url              VARCHAR(2048)  NOT NULL,
    cancel_return_url         VARCHAR(2048),
    success_return_url        VARCHAR(2048),
    delivery_first_name       VARCHAR(200)   NOT NULL,
    delivery_last_name        VARCHAR(200)   NOT NULL,
    delivery_email            VARCHAR(254)   NOT NULL,
    delivery_country          VARCHAR(64)    NOT NULL,
    delivery_city             VARCHAR(200),
    delivery_zip              VARCHAR(32),
    delivery_address          VARCHAR(500),
    delivery_complement       VARCHAR(500),
    delivery_state            VARCHAR(200),
    store_markup_percentage   NUMERIC(9, 4)  NOT NULL,
    store_discount_percentage NUMERIC(9, 4)  NOT NULL,
    payment_method            VARCHAR(16),
    blockchain                VARCHAR(16),
    transaction_hash          VARCHAR(66),
    converted_total           NUMERIC(38, 18),
    amount_received           NUMERIC(38, 18),
    expires_at                TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_at                TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at                TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version                   BIGINT         NOT NULL,
    CONSTRAINT uq_orders_open_ecommerce_order UNIQUE (store_id, open_ecommerce_order_id)
);
CREATE INDEX ix_orders_store_created ON orders (store_id, created_at);
CREATE INDEX ix_orders_store_status_created ON orders (store_id, payment_status, created_at);

CREATE TABLE idempotency_keys (
    store_id        VARCHAR(36)  NOT NULL REFERENCES stores (id),
    idempotency_key VARCHAR(255) NOT NULL,
    -- SHA-256 of the canonical request body: a reused key with another body is refused
    request_hash    VARCHAR(64)  NOT NULL,
    order_id        VARCHAR(36)  NOT NULL REFERENCES orders (id),
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (store_id, idempotency_key)
);

-- A transaction hash submitted for an order: a hint for the chain watcher, not a payment.
-- Anyone holding a session token can submit any hash, so a claim must not lock a hash
-- away from the order it really paid: "one hash pays one order, ever" is enforced where
-- payments are verified on chain, not here.
CREATE TABLE payment_claims (
    transaction_hash VARCHAR(66) NOT NULL,
    order_id         VARCHAR(36) NOT NULL REFERENCES orders (id),
    blockchain       VARCHAR(16),
    asset            VARCHAR(16),
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (transaction_hash, order_id)
);
CREATE INDEX ix_payment_claims_order ON payment_claims (order_id);
