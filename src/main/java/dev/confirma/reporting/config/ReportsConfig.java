package dev.confirma.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How CSV reports are streamed, under {@code confirma.reports.*}. */
@ConfigMapping(prefix = "confirma.reports")
public interface ReportsConfig {

    /** Rows fetched from the database at a time while a report streams (a cursor on PostgreSQL). */
    @WithDefault("500")
    int fetchSize();

    /** The longest one report may take to stream (its read-only transaction's timeout); a slower download is cut. */
    @WithDefault("PT30M")
    Duration timeout();

    /** Reports streaming at once (each holds a database connection while it streams); one more answers 429. */
    @WithDefault("2")
    int maxConcurrent();
}
