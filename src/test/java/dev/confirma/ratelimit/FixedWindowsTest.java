package dev.confirma.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confirma.support.TestClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The counters alone: windows per caller, and memory bounded by dropping ended windows. */
class FixedWindowsTest {

    private final TestClock clock = new TestClock();

    @Test
    void shouldCountEachCallerInItsOwnWindow() {
        FixedWindows windows = new FixedWindows("test", clock, Duration.ofMinutes(1), 100);
        assertEquals(Optional.empty(), windows.acquire("a", 2));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Optional.empty(), windows.acquire("a", 2));
        assertEquals(Optional.of(Duration.ofSeconds(50)), windows.acquire("a", 2));
        assertEquals(Optional.empty(), windows.acquire("b", 2));
        clock.advance(Duration.ofSeconds(50));
        assertEquals(Optional.empty(), windows.acquire("a", 2), "a new window opens when the last one ended");
    }

    @Test
    void shouldDropIdleCallersAndNeverTrackMoreThanItsMaximum() {
        FixedWindows windows = new FixedWindows("test", clock, Duration.ofMinutes(1), 3);
        for (String caller : new String[] {"a", "b", "c"}) {
            windows.acquire(caller, 1);
        }
        assertEquals(Optional.empty(), windows.acquire("d", 1), "past the maximum a new caller passes uncounted");
        assertEquals(Optional.empty(), windows.acquire("d", 1));
        assertEquals(3, windows.tracked());
        assertTrue(windows.acquire("a", 1).isPresent(), "callers already counted still are");

        clock.advance(Duration.ofMinutes(1));
        windows.acquire("e", 1);
        assertEquals(1, windows.tracked(), "the ended windows were dropped");
    }
}
