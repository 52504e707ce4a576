-- Webhook subscriptions of the merchant API (/v1/webhooks): each one more target of the
-- callback outbox, with its own URL, events, secret and extra headers.
CREATE TABLE webhook_subscriptions (
    id             VARCHAR(40)                 NOT NULL PRIMARY KEY,
    store_id       VARCHAR(36)                 NOT NULL REFERENCES stores (id),
    url            VARCHAR(2048)               NOT NULL,
    -- the event names it receives, comma-separated
    events         VARCHAR(1024)               NOT NULL,
    -- the HMAC key of its signatures, whsec_ prefix included, shown once at creation
    secret         VARCHAR(80)                 NOT NULL,
    -- extra request headers, a JSON object of strings (ten names of 64 and values of 1000, escaped)
    headers        VARCHAR(32768)              NOT NULL,
    description    VARCHAR(500),
    enabled        BOOLEAN                     NOT NULL,
    -- the first failed attempt since the last delivered one: dead for long enough, it is disabled
    failing_since  TIMESTAMP(6) WITH TIME ZONE,
    -- the latest delivered attempt: an earlier failure recorded after it does not mark it failing
    last_delivered_at TIMESTAMP(6) WITH TIME ZONE,
    disabled_at    TIMESTAMP(6) WITH TIME ZONE,
    disabled_reason VARCHAR(500),
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    deleted_at     TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX ix_webhook_subscriptions_store ON webhook_subscriptions (store_id, created_at);

-- A delivery goes to a subscription, or (subscription_id null) to an order's callbackUrl.
-- A subscription's test event (ping) is about no order.
ALTER TABLE callback_deliveries ADD COLUMN subscription_id VARCHAR(40) REFERENCES webhook_subscriptions (id);
ALTER TABLE callback_deliveries ALTER COLUMN order_id DROP NOT NULL;
ALTER TABLE callback_deliveries ALTER COLUMN payment_status DROP NOT NULL;
ALTER TABLE callback_deliveries ALTER COLUMN message DROP NOT NULL;
CREATE INDEX ix_callback_deliveries_subscription ON callback_deliveries (subscription_id, seq);
-- a webhook body carries the v1 order, items and timeline included: room for a large one
ALTER TABLE callback_deliveries ALTER COLUMN body SET DATA TYPE VARCHAR(1048576);
