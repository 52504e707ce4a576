package dev.confirma.callback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * What delivering callbacks and webhook events measures: attempts by outcome, and how long a
 * delivered event waited from the change that queued it (the same transaction) to the
 * receiver's 2xx, by event: {@code order.confirmed} is "confirmed to callback delivered".
 */
@Singleton
class CallbackMetrics {

    private final MeterRegistry registry;

    CallbackMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** {@code outcome}: delivered, failed (retried later), dead. */
    void attempted(String outcome) {
        Counter.builder("confirma.callback.attempts").description("Callback and webhook delivery attempts, by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    void delivered(String event, Duration sinceQueued) {
        Timer.builder("confirma.callback.delivery.delay")
                .description("From the change that queued a callback or webhook event to its delivery, by event")
                .tag("event", event).publishPercentileHistogram().register(registry)
                .record(sinceQueued.isNegative() ? Duration.ZERO : sinceQueued);
    }
}
