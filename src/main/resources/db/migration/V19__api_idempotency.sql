-- Idempotency-Key on every POST of the merchant API: the first request's answer, kept 24 h.
-- The primary key decides which of two simultaneous requests with one key runs.
CREATE TABLE api_idempotency (
    store_id     VARCHAR(36)                 NOT NULL REFERENCES stores (id),
    idem_key     VARCHAR(255)                NOT NULL,
    fingerprint  VARCHAR(64)                 NOT NULL,
    -- the request that holds the key: only it answers, or frees, the key
    owner        VARCHAR(36)                 NOT NULL,
    -- null while the first request runs
    status       INT,
    body         TEXT,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- a request that died mid-way holds the key no longer than this
    locked_until TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (store_id, idem_key)
);
CREATE INDEX ix_api_idempotency_created ON api_idempotency (created_at);
