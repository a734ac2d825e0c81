package io.eventpipe.job.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How the time field of an event is written. */
public enum TimeFormat {
    /** Milliseconds since the epoch, as a JSON number or a numeric string. */
    EPOCH_MILLIS("epoch-millis"),
    /** Seconds since the epoch (fractions allowed), as a JSON number or a numeric string. */
    EPOCH_SECONDS("epoch-seconds"),
    /** An ISO-8601 date-time with an offset, such as {@code 2026-12-03T16:00:00.123Z}. */
    ISO_8601("iso-8601");

    private final String optionValue;

    TimeFormat(String optionValue) {
        this.optionValue = optionValue;
    }

    /** The spelling used on the command line. */
    public String optionValue() {
        return optionValue;
    }

    /** Accepted spellings, for error messages. */
    public static String acceptedValues() {
        return Arrays.stream(values())
                .map(TimeFormat::optionValue)
                .collect(Collectors.joining(", "));
    }

    /** The format spelled {@code text} on the command line. */
    public static TimeFormat fromOptionValue(String text) {
        for (TimeFormat format : values()) {
            if (format.optionValue.equals(text)) {
                return format;
            }
        }
        throw new IllegalArgumentException(
                "expected one of " + acceptedValues() + " but was '" + text + "'");
    }

    @Override
    public String toString() {
        return optionValue;
    }
}
