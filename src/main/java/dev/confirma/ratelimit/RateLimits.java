package dev.confirma.ratelimit;

import dev.confirma.ratelimit.config.RateLimitConfig;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The two limits: checkouts per store, public requests per client address. */
@Singleton
public class RateLimits {

    private final RateLimitConfig config;
    private final FixedWindows checkouts;
    private final FixedWindows publicRequests;

    RateLimits(RateLimitConfig config, Clock clock) {
        this.config = config;
        this.checkouts = new FixedWindows("checkouts-per-key", clock, config.window(), config.maxTracked());
        this.publicRequests = new FixedWindows("public-per-address", clock, config.window(), config.maxTracked());
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Empty when the store may create one more checkout now, else the time until it may. */
    public Optional<Duration> checkout(String storeId) {
        return checkouts.acquire(storeId, config.checkoutsPerKey());
    }

    /** Empty when the address may make one more public request now, else the time until it may. */
    public Optional<Duration> publicRequest(String address) {
        return publicRequests.acquire(address, config.publicPerAddress());
    }

    /** Callers counted now, both limits together: what bounded memory is measured by. */
    public int tracked() {
        return checkouts.tracked() + publicRequests.tracked();
    }
}
