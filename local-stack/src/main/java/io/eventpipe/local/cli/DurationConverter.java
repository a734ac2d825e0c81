package io.eventpipe.local.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations written like {@code 90s}, {@code 5m}, {@code 1h30m} or {@code 0.5s}: the time
 * part of ISO-8601 ({@link Duration#parse}) without its {@code PT} prefix, in either case.
 */
final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration duration;
        try {
            duration = Duration.parse("PT" + value.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new TypeConversionException(
                    "expected a duration like 60s, 5m or 1h30m but was '" + value + "'");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new TypeConversionException(
                    "expected a positive duration but was '" + value + "'");
        }
        return duration;
    }
}
