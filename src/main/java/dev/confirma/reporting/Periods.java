package dev.confirma.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A range of local dates cut into periods, each as the instants it covers in the store's zone.
 * Boundaries are local midnights turned into instants by java.time, so a day of a DST change is
 * 23 or 25 hours long; a midnight the zone skips starts at the first instant of that day.
 */
public final class Periods {

    /** One period: {@code period} is its calendar start (a Monday, a 1st); the instants are clipped to the range. */
    public record Period(LocalDate period, Instant startsAt, Instant endsAt) {
    }

    private Periods() {
    }

    /** How many periods the range [start, end] (both included) has. */
    public static long count(LocalDate start, LocalDate end, Grouping grouping) {
        LocalDate first = grouping.periodOf(start);
        LocalDate last = grouping.periodOf(end);
        return switch (grouping) {
            case DAY -> java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1;
            case WEEK -> java.time.temporal.ChronoUnit.WEEKS.between(first, last) + 1;
            case MONTH -> java.time.temporal.ChronoUnit.MONTHS.between(first, last) + 1;
        };
    }

    /** The periods of [start, end] (end included), in order; call with a range {@link #count} has bounded. */
    public static List<Period> of(LocalDate start, LocalDate end, Grouping grouping, ZoneId zone) {
        List<Period> periods = new ArrayList<>();
        LocalDate afterEnd = end.plusDays(1);
        for (LocalDate period = grouping.periodOf(start); period.isBefore(afterEnd); period = grouping.next(period)) {
            LocalDate from = period.isBefore(start) ? start : period;
            LocalDate until = grouping.next(period).isAfter(afterEnd) ? afterEnd : grouping.next(period);
            periods.add(new Period(period, from.atStartOfDay(zone).toInstant(), until.atStartOfDay(zone).toInstant()));
        }
        return periods;
    }
}
