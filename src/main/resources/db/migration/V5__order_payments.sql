-- A recorded chain transfer attributed to an order. Credited ones count toward the total;
-- the others (wrong asset or recipient, reverted, already paying another order) are kept,
-- with the reason, so the merchant sees what arrived.
CREATE TABLE order_payments (
    transfer_id   VARCHAR(36)  NOT NULL PRIMARY KEY REFERENCES chain_transfers (id),
    order_id      VARCHAR(36)  NOT NULL REFERENCES orders (id),
    credited      BOOLEAN      NOT NULL,
    note          VARCHAR(200),
    confirmations BIGINT       NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_order_payments_order ON order_payments (order_id);

-- One transaction pays one order, ever: the first order it is credited to owns it.
CREATE TABLE paid_transactions (
    chain    VARCHAR(16) NOT NULL,
    tx_hash  VARCHAR(66) NOT NULL,
    order_id VARCHAR(36) NOT NULL REFERENCES orders (id),
    PRIMARY KEY (chain, tx_hash)
);
