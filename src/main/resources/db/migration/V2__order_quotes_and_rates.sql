-- What each order owes, per payable asset, locked at checkout until expires_at.
CREATE TABLE order_quotes (
    order_id          VARCHAR(36)    NOT NULL REFERENCES orders (id),
    protocol          VARCHAR(16)    NOT NULL,
    asset             VARCHAR(16)    NOT NULL,
    chain_id          BIGINT         NOT NULL,
    contract          VARCHAR(42),
    decimals          INTEGER        NOT NULL,
    address           VARCHAR(42)    NOT NULL,
    -- integer base units (wei, 10^-6 USDC); uint256 fits in 78 digits
    amount_base_units NUMERIC(78, 0) NOT NULL,
    PRIMARY KEY (order_id, protocol, asset)
);

-- The market rates an order was priced at: units of each asset per 1 order currency.
CREATE TABLE order_market_rates (
    order_id   VARCHAR(36)     NOT NULL REFERENCES orders (id),
    symbol     VARCHAR(16)     NOT NULL,
    units      NUMERIC(65, 30) NOT NULL,
    sources    VARCHAR(200)    NOT NULL,
    fetched_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (order_id, symbol)
);
