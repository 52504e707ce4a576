-- The blocks each chain watcher has processed, within the reorg window. The highest row is
-- the chain's cursor; a new block whose parent hash differs from the row below it is a reorg.
CREATE TABLE chain_blocks (
    chain        VARCHAR(16) NOT NULL,
    block_number BIGINT      NOT NULL,
    block_hash   VARCHAR(66) NOT NULL,
    parent_hash  VARCHAR(66) NOT NULL,
    processed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (chain, block_number)
);
