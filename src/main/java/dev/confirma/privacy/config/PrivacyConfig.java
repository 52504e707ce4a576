package dev.confirma.privacy.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Customer data, under {@code confirma.privacy.*}. */
@ConfigMapping(prefix = "confirma.privacy")
public interface PrivacyConfig {

    /** How often the retention job erases the personal fields of orders final for longer than their store's retentionDays. */
    @WithDefault("PT1H")
    Duration retentionCheckInterval();
}
