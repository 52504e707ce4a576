package dev.confirma.support;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Replaces the server's default clock in tests. */
@Singleton
public class TestClockProducer {

    private static final TestClock CLOCK = new TestClock();

    @Produces
    @Singleton
    Clock produce() {
        return CLOCK;
    }

    public static TestClock clock() {
        return CLOCK;
    }
}
