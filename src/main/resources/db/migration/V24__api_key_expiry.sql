-- A key replaced by a rotation keeps working until expires_at (the rotation's grace period);
-- NULL: no expiry. An expired key is refused exactly like a revoked one.
ALTER TABLE api_keys ADD COLUMN expires_at TIMESTAMP(6) WITH TIME ZONE;
