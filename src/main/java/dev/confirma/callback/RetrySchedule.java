package dev.confirma.callback;

import dev.confirma.callback.config.CallbacksConfig;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * When a failed callback is tried again: the configured delays (exponential by default) with
 * up to a quarter more as jitter, so receivers coming back up are not hit by every server at
 * once; never sooner than the receiver's {@code Retry-After}. Jitter only adds, so the
 * retries always span at least the configured total.
 */
@Singleton
public class RetrySchedule {

    private static final Logger LOG = Logger.getLogger(RetrySchedule.class);
    /** The longest Retry-After honoured: a receiver cannot park a delivery for longer. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);
    static final double MAX_JITTER = 0.25;
    private static final Duration PROMISED_SPAN = Duration.ofHours(72);

    private final List<Duration> delays;

    RetrySchedule(CallbacksConfig config) {
        this.delays = List.copyOf(config.retryDelays());
        for (Duration delay : delays) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("confirma.callbacks.retry-delays must not hold negative durations: " + delay);
            }
        }
        Duration span = delays.stream().reduce(Duration.ZERO, Duration::plus);
        if (span.compareTo(PROMISED_SPAN) < 0) {
            LOG.warnf("confirma.callbacks.retry-delays spans %s, less than the 72 hours callbacks are promised to be retried", span);
        }
    }

    /** How many attempts a delivery gets in all: the first one and one per delay. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /**
     * When to try again after {@code attemptsMade} failed attempts, or empty when they were the
     * last. {@code retryAfter} is what the receiver asked for, if anything.
     */
    public Optional<Instant> next(int attemptsMade, Instant now, Optional<Duration> retryAfter) {
        if (attemptsMade >= maxAttempts()) {
            return Optional.empty();
        }
        Duration base = delays.get(attemptsMade - 1);
        long jitterMillis = (long) (base.toMillis() * ThreadLocalRandom.current().nextDouble(MAX_JITTER));
        Duration delay = base.plusMillis(jitterMillis);
        Duration asked = retryAfter.map(d -> d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d).orElse(Duration.ZERO);
        return Optional.of(now.plus(delay.compareTo(asked) >= 0 ? delay : asked));
    }

    /** A {@code Retry-After} header: delay-seconds or an HTTP date; anything else is ignored. */
    public static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException tooLarge) {
                return Optional.of(MAX_RETRY_AFTER);
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
