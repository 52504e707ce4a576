package dev.confirma.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.confirma.common.error.ApiException;
import dev.confirma.reporting.config.ReportsConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A third report while two stream is refused with 429; a slot given back serves the next. */
class ReportSlotsTest {

    private static ReportsConfig twoSlots() {
        return new ReportsConfig() {
            @Override
            public int fetchSize() {
                return 500;
            }

            @Override
            public Duration timeout() {
                return Duration.ofMinutes(30);
            }

            @Override
            public int maxConcurrent() {
                return 2;
            }
        };
    }

    @Test
    void shouldRefuseAReportBeyondTheSlotsAndServeOneWhenASlotIsBack() {
        ReportSlots slots = new ReportSlots(twoSlots());
        Runnable first = slots.take();
        slots.take();
        ApiException refused = assertThrows(ApiException.class, slots::take);
        assertEquals(429, refused.status());
        first.run();
        slots.take();
        assertEquals(0, slots.free());
    }
}
