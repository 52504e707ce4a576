-- The Cryptum WooCommerce plugin authenticates callbacks by comparing their x-api-key header
-- with its own API key, so the server keeps a sealed (AES-GCM) copy of each key to send.
-- Keys issued before this version have none: rotate them once to enable it.
ALTER TABLE api_keys ADD COLUMN callback_copy VARCHAR(200);
