package io.eventpipe.job.config;

import java.time.Duration;
import org.apache.flink.util.TimeUtils;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations the way Flink's own configuration does: {@code 500ms}, {@code 5 s}, {@code 1min}.
 */
final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return TimeUtils.parseDuration(value);
        } catch (IllegalArgumentException | NullPointerException unreadable) {
            throw new TypeConversionException(
                    "expected a duration such as 500ms, 5s, 1min, 2h but was '" + value + "'");
        }
    }
}
