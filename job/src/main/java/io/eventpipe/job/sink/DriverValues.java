package io.eventpipe.job.sink;

import com.datastax.driver.core.LocalDate;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Date;

/**
 * Converts the plain Java values of an {@link UpsertRow} to the Java types the 3.x driver's default
 * codecs expect for timestamp, date and blob columns.
 */
final class DriverValues {

    private DriverValues() {}

    static Object toDriver(Object value) {
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        if (value instanceof java.time.LocalDate date) {
            return LocalDate.fromDaysSinceEpoch(Math.toIntExact(date.toEpochDay()));
        }
        if (value instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        }
        return value;
    }
}
