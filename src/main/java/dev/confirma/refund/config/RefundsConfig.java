package dev.confirma.refund.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How refunds are checked against the chain, under {@code confirma.refunds.*}. */
@ConfigMapping(prefix = "confirma.refunds")
public interface RefundsConfig {

    /** How often refunds whose transaction is not mined or not deep enough yet are checked again. */
    @WithDefault("PT30S")
    Duration checkInterval();
}
