package io.eventpipe.job.config;

import java.time.Duration;
import org.apache.flink.util.TimeUtils;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations the way Flink's own configuration does: {@code 500ms}, {@code 5 s}, {@code 1min}.
 *
 * <p>Every duration of the job ends up in milliseconds (timers, windows, Kafka and sink settings),
 * so a value that is not a whole number of milliseconds, such as {@code 1ns} or {@code 1500us}, is
 * refused here rather than silently truncated (to 0 ms, which Flink then rejects or treats as
 * "off"), and so is one too long for a {@code long} of milliseconds.
 */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final String ACCEPTED =
            "a duration in whole milliseconds, such as 500ms, 5s, 1min, 2h";

    @Override
    public Duration convert(String value) {
        Duration duration;
        try {
            duration = TimeUtils.parseDuration(value);
            duration.toMillis(); // throws when the millis overflow a long
        } catch (IllegalArgumentException | NullPointerException | ArithmeticException unreadable) {
            throw unaccepted(value);
        }
        if (duration.getNano() % 1_000_000 != 0) {
            throw unaccepted(value);
        }
        return duration;
    }

    private static TypeConversionException unaccepted(String value) {
        return new TypeConversionException("expected " + ACCEPTED + " but was '" + value + "'");
    }
}
