package io.eventpipe.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * How an event's time field is written; turns the field's value into epoch milliseconds.
 *
 * <p>Epoch values may be JSON numbers or numeric strings (CSV columns and some JSON feeds quote
 * them); fractions below a millisecond are dropped. ISO-8601 needs an offset or {@code Z}.
 */
enum TimeFormat {
    EPOCH_SECONDS("epoch-seconds"),
    EPOCH_MILLIS("epoch-millis"),
    ISO_8601("iso-8601");

    private final String optionValue;

    TimeFormat(String optionValue) {
        this.optionValue = optionValue;
    }

    /** The epoch millis of {@code value}, or empty when it is missing or not in this format. */
    OptionalLong toEpochMillis(JsonNode value) {
        if (value == null || !(value.isNumber() || value.isTextual())) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(parse(value.asText().trim()));
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            return OptionalLong.empty();
        }
    }

    private long parse(String text) {
        return switch (this) {
            case EPOCH_SECONDS ->
                    new BigDecimal(text).movePointRight(3).toBigInteger().longValueExact();
            case EPOCH_MILLIS -> new BigDecimal(text).toBigInteger().longValueExact();
            case ISO_8601 -> Instant.parse(text).toEpochMilli();
        };
    }

    /** The spelling used on the command line, e.g. {@code epoch-millis}. */
    @Override
    public String toString() {
        return optionValue;
    }
}
