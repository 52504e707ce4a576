package dev.confirma.callback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Webhook subscriptions (/v1/webhooks), under {@code confirma.webhooks.*}; sending is as {@link CallbacksConfig} says. */
@ConfigMapping(prefix = "confirma.webhooks")
public interface WebhooksConfig {

    /** A subscription whose deliveries have all failed for this long is disabled when one of them dies. */
    @WithDefault("PT72H")
    Duration disableAfter();
}
