-- A processed block's own timestamp: how far in chain time a chain has been read (a lapsed
-- order's late-payment window is over only once its chain is read past it).
ALTER TABLE chain_blocks ADD COLUMN block_time TIMESTAMP(6) WITH TIME ZONE;
