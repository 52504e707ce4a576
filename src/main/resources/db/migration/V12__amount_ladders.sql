-- Unique amounts come from ladders: per chain, asset, address and amount due, the rungs due,
-- due + 1, due + 2, … base units. Each rung is a reserved_amounts row, kept once the order that
-- held it is done and handed to the next order at the same amount due, so concurrent checkouts
-- at one price take distinct rungs under the ladder's row lock instead of racing for one
-- amount, and a checkout reads no list of taken amounts.
CREATE TABLE amount_ladders (
    protocol          VARCHAR(16)    NOT NULL,
    asset             VARCHAR(16)    NOT NULL,
    address           VARCHAR(42)    NOT NULL,
    due_base_units    NUMERIC(78, 0) NOT NULL,
    next_base_units   NUMERIC(78, 0) NOT NULL,
    PRIMARY KEY (protocol, asset, address, due_base_units)
);

-- order_id loses its foreign key: a rung is taken, in its own short transaction, before the
-- order's row is written. due_base_units names the rung's ladder; it is null for an amount at
-- an order's own deposit address (no other order is asked there) and for rows from before.
CREATE TABLE reserved_amounts_v12 (
    protocol          VARCHAR(16)    NOT NULL,
    asset             VARCHAR(16)    NOT NULL,
    address           VARCHAR(42)    NOT NULL,
    amount_base_units NUMERIC(78, 0) NOT NULL,
    due_base_units    NUMERIC(78, 0),
    order_id          VARCHAR(36)    NOT NULL,
    reserved_until    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (protocol, asset, address, amount_base_units)
);
INSERT INTO reserved_amounts_v12 (protocol, asset, address, amount_base_units, due_base_units, order_id, reserved_until)
    SELECT protocol, asset, address, amount_base_units, NULL, order_id, reserved_until FROM reserved_amounts;
DROP TABLE reserved_amounts;
ALTER TABLE reserved_amounts_v12 RENAME TO reserved_amounts;
CREATE INDEX ix_reserved_amounts_until ON reserved_amounts (reserved_until);
CREATE INDEX ix_reserved_amounts_order ON reserved_amounts (order_id);
-- a ladder's free rungs, longest free first
CREATE INDEX ix_reserved_amounts_rungs ON reserved_amounts (protocol, asset, address, due_base_units, reserved_until);
