-- Work only one server instance may do at a time (reading a chain, fetching market rates):
-- the instance named in holder does it until expires_at, renewing as it goes; when a holder
-- dies, another instance takes the lease once it has expired.
CREATE TABLE job_leases (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    holder      VARCHAR(128) NOT NULL,
    acquired_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- Pending refunds are claimed for a check (like callbacks), so two instances never read the
-- same refund's transaction at once; NULL: due now.
ALTER TABLE refunds ADD COLUMN next_check_at TIMESTAMP(6) WITH TIME ZONE;

-- The market rates the instance holding the rates-refresh lease fetched, for the others to
-- read: several instances make one set of requests to the providers, not one each.
CREATE TABLE market_rates (
    pair       VARCHAR(80)  NOT NULL PRIMARY KEY,
    asset      VARCHAR(32)  NOT NULL,
    currency   VARCHAR(32)  NOT NULL,
    price      VARCHAR(100) NOT NULL,
    sources    VARCHAR(200) NOT NULL,
    fetched_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE rate_providers (
    name            VARCHAR(32)  NOT NULL PRIMARY KEY,
    last_success_at TIMESTAMP(6) WITH TIME ZONE,
    last_pairs      INTEGER      NOT NULL,
    last_failure_at TIMESTAMP(6) WITH TIME ZONE,
    last_error      VARCHAR(500)
);
