package dev.confirma.common;

import io.quarkus.arc.DefaultBean;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/** The one source of "now": tests replace it with a clock they can move. */
@Singleton
public class ClockProducer {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        // Microsecond ticks: what the database keeps, so an instant reads back as it was written.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
