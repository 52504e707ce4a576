package dev.confirma.ratelimit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Request limits, under {@code confirma.rate-limit.*}: counted in memory per server instance,
 * so N instances behind one balancer let N times the limit through.
 */
@ConfigMapping(prefix = "confirma.rate-limit")
public interface RateLimitConfig {

    /** Whether checkouts and the public endpoints are limited at all. */
    @WithDefault("true")
    boolean enabled();

    /** The window requests are counted in; a caller's count starts again when its window ends. */
    @WithDefault("PT1M")
    Duration window();

    /** Checkouts a store (all its keys together) may create per window, on the plugin and the Orders API. */
    @WithDefault("60")
    int checkoutsPerKey();

    /** Requests one client address may make per window to the hosted page, its JSON and the shopper's hash submission. */
    @WithDefault("120")
    int publicPerAddress();

    /** Callers counted at once, at most; past it, idle ones are dropped first and new ones go uncounted until room is made. */
    @WithDefault("100000")
    int maxTracked();
}
