-- Transfers the chain watchers saw to watched addresses: facts about the chain, recorded
-- before any order is credited. A native transfer has log_index -1. The block hash is part
-- of the key: after a reorg the same transaction may be seen again in another block, while
-- the first sighting stays, marked removed.
CREATE TABLE chain_transfers (
    id                VARCHAR(36)    NOT NULL PRIMARY KEY,
    chain             VARCHAR(16)    NOT NULL,
    tx_hash           VARCHAR(66)    NOT NULL,
    log_index         INTEGER        NOT NULL,
    block_number      BIGINT         NOT NULL,
    block_hash        VARCHAR(66)    NOT NULL,
    block_time        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    asset             VARCHAR(16)    NOT NULL,
    from_address      VARCHAR(42)    NOT NULL,
    to_address        VARCHAR(42)    NOT NULL,
    amount_base_units NUMERIC(78, 0) NOT NULL,
    succeeded         BOOLEAN        NOT NULL,
    removed           BOOLEAN        NOT NULL,
    -- looked up once among the orders' reserved amounts (see V6), whatever the outcome
    amount_checked    BOOLEAN        NOT NULL,
    seen_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_chain_transfers UNIQUE (chain, tx_hash, log_index, block_hash)
);
CREATE INDEX ix_chain_transfers_to ON chain_transfers (chain, to_address);
CREATE INDEX ix_chain_transfers_block ON chain_transfers (chain, block_number);
CREATE INDEX ix_chain_transfers_unchecked ON chain_transfers (chain, amount_checked);
CREATE INDEX ix_chain_transfers_tx ON chain_transfers (tx_hash);
