-- Each open order's amount due, per asset and address, is unique: a payment that arrives
-- without a transaction-hash claim is recognised by its exact amount. Held until the
-- order's late-payment window closes.
CREATE TABLE reserved_amounts (
    protocol          VARCHAR(16)    NOT NULL,
    asset             VARCHAR(16)    NOT NULL,
    address           VARCHAR(42)    NOT NULL,
    amount_base_units NUMERIC(78, 0) NOT NULL,
    order_id          VARCHAR(36)    NOT NULL REFERENCES orders (id),
    reserved_until    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (protocol, asset, address, amount_base_units)
);
CREATE INDEX ix_reserved_amounts_until ON reserved_amounts (reserved_until);
