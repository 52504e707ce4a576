-- The merchant API (issue 15): orders made through /v1 may have no callback URL and no
-- delivery details; they have items, a customer, amounts of tax and shipping, metadata,
-- a carrier and tracking number. A held or disputed order remembers the status it left.
ALTER TABLE orders ALTER COLUMN callback_url DROP NOT NULL;
ALTER TABLE orders ALTER COLUMN delivery_first_name DROP NOT NULL;
ALTER TABLE orders ALTER COLUMN delivery_last_name DROP NOT NULL;
ALTER TABLE orders ALTER COLUMN delivery_email DROP NOT NULL;
ALTER TABLE orders ALTER COLUMN delivery_country DROP NOT NULL;

ALTER TABLE orders ADD COLUMN lifecycle_before VARCHAR(16);
ALTER TABLE orders ADD COLUMN created_by VARCHAR(64) DEFAULT 'system' NOT NULL;
ALTER TABLE orders ADD COLUMN customer_id VARCHAR(128);
ALTER TABLE orders ADD COLUMN subtotal NUMERIC(38, 18);
ALTER TABLE orders ADD COLUMN tax_amount NUMERIC(38, 18);
ALTER TABLE orders ADD COLUMN shipping_amount NUMERIC(38, 18);
ALTER TABLE orders ADD COLUMN metadata VARCHAR(8192);
ALTER TABLE orders ADD COLUMN carrier VARCHAR(64);
ALTER TABLE orders ADD COLUMN tracking_number VARCHAR(128);

CREATE INDEX ix_orders_store_customer ON orders (store_id, customer_id, created_at);
CREATE INDEX ix_orders_store_lifecycle ON orders (store_id, status, created_at);

CREATE TABLE order_items (
    order_id    VARCHAR(36)     NOT NULL REFERENCES orders (id),
    line_no     INT             NOT NULL,
    sku         VARCHAR(128)    NOT NULL,
    quantity    INT             NOT NULL,
    unit_price  NUMERIC(38, 18) NOT NULL,
    description VARCHAR(500),
    PRIMARY KEY (order_id, line_no)
);

-- Every lifecycle change after creation; creation itself is the order's created_at and created_by.
CREATE TABLE order_timeline (
    order_id    VARCHAR(36)                 NOT NULL REFERENCES orders (id),
    seq         INT                         NOT NULL,
    status      VARCHAR(16)                 NOT NULL,
    occurred_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor       VARCHAR(64)                 NOT NULL,
    reason      VARCHAR(500),
    PRIMARY KEY (order_id, seq)
);

-- Orders already past creation get one step for where they stand now.
INSERT INTO order_timeline (order_id, seq, status, occurred_at, actor, reason)
SELECT id, 1, status, updated_at, CASE WHEN status = 'PAID' THEN 'chain' ELSE 'system' END, NULL
FROM orders WHERE status <> 'CREATED';
