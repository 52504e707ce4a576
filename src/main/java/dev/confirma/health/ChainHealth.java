package dev.confirma.health;

import dev.confirma.chain.watch.ChainStatus;
import dev.confirma.chain.watch.ChainWatcher;
import dev.confirma.health.config.HealthConfig;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each watched chain's health. On the instance reading it: DOWN when the node answers for
 * another chain, or when the watcher has not been caught up with the node's head for longer
 * than {@code confirma.health.max-chain-lag} (the node unreachable, or too far behind);
 * DEGRADED when the last read failed but the lag is still inside the limit. On an instance
 * standing by, UP while another instance holds the chain's lease, DOWN when none does.
 */
@Singleton
public class ChainHealth {

    private final ChainWatcher watcher;
    private final HealthConfig config;
    private final Clock clock;

    ChainHealth(ChainWatcher watcher, HealthConfig config, Clock clock) {
        this.watcher = watcher;
        this.config = config;
        this.clock = clock;
    }

    public List<Check> checks() {
        Instant now = clock.instant();
        return watcher.statuses().stream().map(status -> check(status, now)).toList();
    }

    private Check check(ChainStatus chain, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("head", chain.head());
        data.put("cursor", chain.cursor());
        data.put("lagBlocks", chain.lag());
        Long lagSeconds = chain.standby() || chain.caughtUpAt() == null ? null
                : Math.max(0, Duration.between(chain.caughtUpAt(), now).toSeconds());
        data.put("lagSeconds", lagSeconds);
        data.put("finalized", chain.finalized());
        data.put("lastPollAt", chain.lastPollAt());
        data.put("lastError", Redacted.error(chain.lastError()));
        data.put("watchedBy", chain.watchedBy());
        String name = chain.chain();
        if (!chain.watching()) {
            return new Check(name, Check.Status.DOWN, "not watched: " + Redacted.error(chain.lastError()), data);
        }
        if (chain.standby()) {
            data.put("sync", "standby");
            return chain.watchedBy() != null
                    ? new Check(name, Check.Status.UP, null, data)
                    : new Check(name, Check.Status.DOWN, "no instance holds the chain's lease: nobody reads it", data);
        }
        long limit = config.maxChainLag().toSeconds();
        if (lagSeconds == null) {
            data.put("sync", "starting");
            String why = chain.lastError() != null ? ": " + Redacted.error(chain.lastError()) : "";
            return new Check(name, Check.Status.DOWN, "not read up to its node's head yet" + why, data);
        }
        if (lagSeconds > limit) {
            data.put("sync", "behind");
            String why = chain.lastError() != null ? " (last error: " + Redacted.error(chain.lastError()) + ")"
                    : chain.lag() != null ? " (" + chain.lag() + " blocks behind the node)" : "";
            return new Check(name, Check.Status.DOWN, "last caught up with its node " + lagSeconds + " s ago, more than the "
                    + limit + " s allowed (confirma.health.max-chain-lag)" + why, data);
        }
        data.put("sync", chain.lag() != null && chain.lag() > 0 ? "syncing" : "synced");
        if (chain.lastError() != null) {
            return new Check(name, Check.Status.DEGRADED, "the last read failed: " + Redacted.error(chain.lastError()), data);
        }
        return new Check(name, Check.Status.UP, null, data);
    }
}
