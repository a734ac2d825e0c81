package io.eventpipe.stats.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A half-open event-time range [from, to); a window belongs to it when its start does.
 *
 * @param from inclusive start
 * @param to exclusive end, after from
 */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " is not before to " + to);
        }
    }

    /**
     * The UTC days of the window partitions that can hold windows starting in the range, newest
     * first (the job partitions windows by the UTC day of their start).
     */
    public List<LocalDate> daysNewestFirst() {
        LocalDate first = dayOf(from);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = dayOf(to.minusNanos(1));
                !day.isBefore(first);
                day = day.minusDays(1)) {
            days.add(day);
        }
        return days;
    }

    /** The UTC day of an instant, as the job computes the {@code day} column. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
