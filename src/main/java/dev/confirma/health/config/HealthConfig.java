package dev.confirma.health.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When a part of the server counts as down, under {@code confirma.health.*}. */
@ConfigMapping(prefix = "confirma.health")
public interface HealthConfig {

    /**
     * A chain whose watcher has not been caught up with its node's head for longer than this
     * (the node unreachable, or too far behind) makes readiness DOWN.
     */
    @WithDefault("PT2M")
    Duration maxChainLag();
}
