package dev.confirma.common.error;

import java.time.Duration;

/** 429: the caller made too many requests; {@code Retry-After} says in how many seconds it may again. */
public class RateLimitedException extends ApiException {

    private final long retryAfterSeconds;

    /** {@code what}: what there were too many of, as in "checkouts for this store". */
    public RateLimitedException(String what, Duration retryAfter) {
        this(what, seconds(retryAfter));
    }

    private RateLimitedException(String what, long retryAfterSeconds) {
        super(429, "rate_limited", "Too many " + what + "; retry in " + retryAfterSeconds + " s", null);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds, rounded up (a client that waits exactly that long is let through), at least 1. */
    private static long seconds(Duration wait) {
        return Math.max(1, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
