package dev.confirma.store.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Store API keys, under {@code confirma.api-keys.*}. */
@ConfigMapping(prefix = "confirma.api-keys")
public interface ApiKeysConfig {

    /**
     * How long a store's earlier keys keep working after a rotation, so the shop's live plugin
     * can be given the new key without an outage; a rotation may ask for less (or 0: at once).
     */
    @WithDefault("PT24H")
    Duration rotationGrace();
}
