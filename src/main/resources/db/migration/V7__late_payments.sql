-- Late payments: an order cancelled because its quotes expired still takes a payment
-- until its late-payment window closes (monitored_until), and is then flagged late.
ALTER TABLE orders ADD COLUMN monitored_until TIMESTAMP(6) WITH TIME ZONE;
-- orders from before this version keep no late-payment window
UPDATE orders SET monitored_until = expires_at;
ALTER TABLE orders ALTER COLUMN monitored_until SET NOT NULL;
ALTER TABLE orders ADD COLUMN expired BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE orders ADD COLUMN late BOOLEAN DEFAULT FALSE NOT NULL;
