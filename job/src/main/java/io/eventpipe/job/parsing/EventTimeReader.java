package io.eventpipe.job.parsing;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventpipe.job.config.TimeFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Reads an event's time field as epoch milliseconds in one of the {@link TimeFormat}s.
 *
 * <p>Epoch formats accept JSON numbers and numeric strings; fractions of a millisecond are dropped
 * (rounded towards the past). Times before 1970 or after year 9999 are rejected: they are far more
 * likely a wrong unit than a real event, and they would open absurd windows.
 */
final class EventTimeReader {

    private static final long LATEST_MILLIS =
            Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
    private static final BigDecimal MILLIS_PER_SECOND = BigDecimal.valueOf(1000);

    private EventTimeReader() {}

    static long read(JsonNode field, TimeFormat format) throws InvalidEventException {
        long millis =
                switch (format) {
                    case EPOCH_MILLIS -> epochMillis(decimal(field));
                    case EPOCH_SECONDS -> epochMillis(decimal(field).multiply(MILLIS_PER_SECOND));
                    case ISO_8601 -> isoInstant(field);
                };
        if (millis < 0 || millis > LATEST_MILLIS) {
            throw new InvalidEventException(InvalidReasons.BAD_TIME);
        }
        return millis;
    }

    private static BigDecimal decimal(JsonNode field) throws InvalidEventException {
        if (field.isNumber()) {
            return field.decimalValue();
        }
        if (field.isTextual()) {
            try {
                return new BigDecimal(field.textValue().trim());
            } catch (NumberFormatException notANumber) {
                throw new InvalidEventException(InvalidReasons.BAD_TIME);
            }
        }
        throw new InvalidEventException(InvalidReasons.BAD_TIME);
    }

    private static long epochMillis(BigDecimal millis) throws InvalidEventException {
        try {
            return millis.setScale(0, RoundingMode.FLOOR).longValueExact();
        } catch (ArithmeticException outOfRange) {
            throw new InvalidEventException(InvalidReasons.BAD_TIME);
        }
    }

    private static long isoInstant(JsonNode field) throws InvalidEventException {
        if (!field.isTextual()) {
            throw new InvalidEventException(InvalidReasons.BAD_TIME);
        }
        try {
            return Instant.from(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(field.textValue()))
                    .toEpochMilli();
        } catch (DateTimeException | ArithmeticException unreadable) {
            throw new InvalidEventException(InvalidReasons.BAD_TIME);
        }
    }
}
