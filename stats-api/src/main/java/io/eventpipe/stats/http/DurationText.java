package io.eventpipe.stats.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a duration for people ("31 days", "1 hour 30 minutes") rather than in ISO-8601 ("PT744H"),
 * for error messages.
 *
 * <p>Each non-zero part from days down to milliseconds is named; finer parts are left out, and a
 * duration with none of those parts falls back to its ISO-8601 form.
 */
final class DurationText {

    private DurationText() {}

    static String of(Duration duration) {
        List<String> parts = new ArrayList<>();
        add(parts, duration.toDaysPart(), "day");
        add(parts, duration.toHoursPart(), "hour");
        add(parts, duration.toMinutesPart(), "minute");
        add(parts, duration.toSecondsPart(), "second");
        add(parts, duration.toMillisPart(), "millisecond");
        return parts.isEmpty() ? duration.toString() : String.join(" ", parts);
    }

    private static void add(List<String> parts, long amount, String unit) {
        if (amount != 0) {
            parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
        }
    }
}
