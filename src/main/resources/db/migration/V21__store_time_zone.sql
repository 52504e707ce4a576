-- The IANA zone a store's reports count days, weeks and months in (analytics periods).
ALTER TABLE stores ADD COLUMN time_zone VARCHAR(64) DEFAULT 'UTC' NOT NULL;

-- Reports stream a store's orders oldest first (created_at, then id for a stable order): with
-- id in the index the rows come out of it in that order, no sort holds them all first.
-- The analytics range scans use its (store_id, created_at) prefix as before.
DROP INDEX ix_orders_store_created;
CREATE INDEX ix_orders_store_created ON orders (store_id, created_at, id);
