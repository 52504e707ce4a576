package dev.confirma.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Fixed-window counters in memory, one per caller: a caller's window opens with its first
 * request and lasts {@code window}. Memory is bounded: windows that have ended are dropped at
 * most once per window length, and past {@code maxTracked} callers a new one is let through
 * uncounted (a flood of distinct addresses must not turn the limiter into an outage for all).
 */
final class FixedWindows {

    private static final Logger LOG = Logger.getLogger(FixedWindows.class);

    private final String name;
    private final Clock clock;
    private final Duration window;
    private final int maxTracked;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private volatile Instant lastSweep;

    FixedWindows(String name, Clock clock, Duration window, int maxTracked) {
        this.name = name;
        this.clock = clock;
        this.window = window;
        this.maxTracked = maxTracked;
        this.lastSweep = clock.instant();
    }

    /** Counts one request of {@code caller}; empty when it may pass, else how long until its window ends. */
    Optional<Duration> acquire(String caller, int limit) {
        Instant now = clock.instant();
        sweepIfDue(now);
        if (windows.size() >= maxTracked && !windows.containsKey(caller)) {
            sweep(now);
            if (windows.size() >= maxTracked) {
                LOG.warnf("Rate limit %s tracks %d callers, its maximum: a new caller passes uncounted", name, windows.size());
                return Optional.empty();
            }
        }
        Window counted = windows.compute(caller, (key, current) ->
                current == null || !now.isBefore(current.endsAt) ? new Window(now.plus(window), 1) : current.plusOne());
        return counted.count <= limit ? Optional.empty() : Optional.of(Duration.between(now, counted.endsAt));
    }

    int tracked() {
        return windows.size();
    }

    private void sweepIfDue(Instant now) {
        if (!now.isBefore(lastSweep.plus(window))) {
            sweep(now);
        }
    }

    private void sweep(Instant now) {
        lastSweep = now;
        windows.entrySet().removeIf(entry -> !now.isBefore(entry.getValue().endsAt));
    }

    /** Immutable, so compute() replaces it atomically per caller. */
    private record Window(Instant endsAt, int count) {
        Window plusOne() {
            // counting stops past the limit: a caller who keeps knocking cannot overflow it
            return count == Integer.MAX_VALUE ? this : new Window(endsAt, count + 1);
        }
    }
}
