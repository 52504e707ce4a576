-- A store wallet is a fixed address, or an extended public key (xpub) from which every order
-- gets its own deposit address, derived watch-only at <xpub>/0/<index>.
ALTER TABLE store_wallets ALTER COLUMN address DROP NOT NULL;
ALTER TABLE store_wallets ADD COLUMN xpub VARCHAR(120);
ALTER TABLE stores ADD COLUMN next_deposit_index BIGINT DEFAULT 0 NOT NULL;

-- One address, one order, ever: a deposit address is never reused.
CREATE TABLE deposit_addresses (
    protocol         VARCHAR(16) NOT NULL,
    address          VARCHAR(42) NOT NULL,
    store_id         VARCHAR(36) NOT NULL REFERENCES stores (id),
    order_id         VARCHAR(36) NOT NULL REFERENCES orders (id),
    derivation_index BIGINT      NOT NULL,
    PRIMARY KEY (protocol, address)
);
CREATE INDEX ix_deposit_addresses_order ON deposit_addresses (order_id);
