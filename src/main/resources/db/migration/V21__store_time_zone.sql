-- The IANA zone a store's reports count days, weeks and months in (analytics periods).
ALTER TABLE stores ADD COLUMN time_zone VARCHAR(64) DEFAULT 'UTC' NOT NULL;
