-- A store key may be read-only (GET only, for reporting tools): 'read', or 'read,write'.
-- Keys issued before scopes existed could do everything, and still can.
ALTER TABLE api_keys ADD COLUMN scopes VARCHAR(32) DEFAULT 'read,write' NOT NULL;
