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
 * likely a wrong unit than a real event, and they would open absurd windows. Numbers that could
 * never be such a time (infinite, or with an exponent far out of range, such as {@code 1e400} or
 * {@code "1e-99999999"}) are rejected before any arithmetic, which on them would throw or take
 * minutes.
 */
final class EventTimeReader {

    private static final long LATEST_MILLIS =
            Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
    private static final BigDecimal MILLIS_PER_SECOND = BigDecimal.valueOf(1000);
    // Epoch millis up to year 9999 have 15 integer digits; more than 30 fractional digits carry no
    // meaning. Both bounds leave room and stop absurd exponents before setScale has to expand them.
    private static final int MAX_INTEGER_DIGITS = 20;
    private static final int MAX_FRACTION_DIGITS = 30;

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
        return plausible(exactDecimal(field));
    }

    private static BigDecimal exactDecimal(JsonNode field) throws InvalidEventException {
        if (field.isFloatingPointNumber() && !Double.isFinite(field.doubleValue())) {
            // Jackson reads 1e400 as an infinite double, which has no decimal value.
            throw new InvalidEventException(InvalidReasons.BAD_TIME);
        }
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

    private static BigDecimal plausible(BigDecimal number) throws InvalidEventException {
        long integerDigits = (long) number.precision() - number.scale();
        if (integerDigits > MAX_INTEGER_DIGITS || number.scale() > MAX_FRACTION_DIGITS) {
            throw new InvalidEventException(InvalidReasons.BAD_TIME);
        }
        return number;
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
