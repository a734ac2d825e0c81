package io.eventpipe.stats.store;

import com.datastax.oss.driver.api.core.cql.Row;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;

/**
 * Maps driver rows onto the row records; absent columns become null, zero or empty.
 *
 * <p>A row written before the job had a watermark holds Flink's initial watermark, the minimum
 * long, which means "no watermark yet" rather than a date in the deep past: it becomes null.
 */
final class RowMapping {

    private static final byte[] NO_BYTES = new byte[0];

    private RowMapping() {}

    static TypeTotalsRow typeTotals(Row row) {
        return new TypeTotalsRow(
                row.getString("event_type"),
                row.getLong("events"),
                row.getLong("unique_users"),
                bytes(row.getByteBuffer("users_sketch")),
                row.getInstant("first_event"),
                row.getInstant("last_event"),
                watermark(row));
    }

    static WindowRow window(Row row) {
        Map<String, Long> topKeys = row.getMap("top_keys", String.class, Long.class);
        return new WindowRow(
                row.getString("event_type"),
                row.getInstant("window_start"),
                row.getInstant("window_end"),
                row.getLong("events"),
                row.getLong("unique_users"),
                bytes(row.getByteBuffer("users_sketch")),
                row.getInstant("first_event"),
                row.getInstant("last_event"),
                topKeys == null ? Map.of() : Map.copyOf(topKeys),
                row.getBoolean("is_final"),
                watermark(row));
    }

    static RangeRow rangeRow(Row row) {
        ByteBuffer sketch = row.getByteBuffer("users_sketch");
        return new RangeRow(
                row.getInstant("window_start"),
                row.getLong("events"),
                sketch == null ? ByteBuffer.wrap(NO_BYTES) : sketch,
                row.getInstant("first_event"),
                row.getInstant("last_event"),
                row.getBoolean("is_final"));
    }

    private static Instant watermark(Row row) {
        Instant watermark = row.getInstant("watermark");
        return watermark == null || watermark.isAfter(Instant.EPOCH) ? watermark : null;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return NO_BYTES;
        }
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
