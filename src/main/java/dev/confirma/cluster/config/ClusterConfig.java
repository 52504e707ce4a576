package dev.confirma.cluster.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Several instances on one database, under {@code confirma.cluster.*}. */
@ConfigMapping(prefix = "confirma.cluster")
public interface ClusterConfig {

    /**
     * How long a lease holds without renewal: when an instance dies, another takes over its
     * chains and rate refreshes within this time (a lease on a chain polled less often lasts
     * three of its poll intervals).
     */
    @WithDefault("PT30S")
    Duration leaseTtl();
}
