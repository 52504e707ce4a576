package dev.confirma.reporting;

import dev.confirma.common.error.ApiException;
import dev.confirma.reporting.config.ReportsConfig;
import jakarta.inject.Singleton;
import java.util.concurrent.Semaphore;

/**
 * How many CSV reports stream at once: each holds a database connection and a read-only
 * transaction for as long as its client reads, so without a bound a few slow downloads could
 * take the pool the watcher, the callbacks and checkouts need. One more is refused with 429.
 */
@Singleton
public class ReportSlots {

    private final Semaphore slots;
    private final int size;

    ReportSlots(ReportsConfig config) {
        this.size = config.maxConcurrent();
        this.slots = new Semaphore(size);
    }

    /** A slot for one report, or 429 when every slot is taken; the report's stream gives it back when it ends. */
    Runnable take() {
        if (!slots.tryAcquire()) {
            throw new ApiException(429, "too_many_reports", "Every one of the " + size + " report slots is streaming"
                    + " (confirma.reports.max-concurrent); try again when a download has finished", null);
        }
        return slots::release;
    }

    int free() {
        return slots.availablePermits();
    }
}
