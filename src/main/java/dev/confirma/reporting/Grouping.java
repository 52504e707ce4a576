package dev.confirma.reporting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/** How analytics cut a range into periods: calendar days, ISO weeks (Monday first) or calendar months. */
public enum Grouping {
    DAY, WEEK, MONTH;

    public static Optional<Grouping> parse(String text) {
        for (Grouping grouping : values()) {
            if (grouping.spelling().equals(text)) {
                return Optional.of(grouping);
            }
        }
        return Optional.empty();
    }

    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The first day of the period {@code date} falls in. */
    LocalDate periodOf(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    LocalDate next(LocalDate periodStart) {
        return switch (this) {
            case DAY -> periodStart.plusDays(1);
            case WEEK -> periodStart.plusWeeks(1);
            case MONTH -> periodStart.plusMonths(1);
        };
    }
}
