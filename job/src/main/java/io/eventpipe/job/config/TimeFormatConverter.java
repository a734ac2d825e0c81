package io.eventpipe.job.config;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a {@link TimeFormat} by its command-line spelling. */
final class TimeFormatConverter implements ITypeConverter<TimeFormat> {

    @Override
    public TimeFormat convert(String value) {
        try {
            return TimeFormat.fromOptionValue(value);
        } catch (IllegalArgumentException unknown) {
            throw new TypeConversionException(unknown.getMessage());
        }
    }
}
