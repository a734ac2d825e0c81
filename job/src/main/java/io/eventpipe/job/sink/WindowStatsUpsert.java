package io.eventpipe.job.sink;

import io.eventpipe.job.model.KeyCount;
import io.eventpipe.job.model.WindowStats;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upserts {@link WindowStats} into {@code window_stats}, partitioned by event type and the UTC day
 * of the window start.
 *
 * <p>The day is derived from the window start alone, so a replay of a window always lands in the
 * same partition, whatever the time zone of the task manager.
 */
public final class WindowStatsUpsert implements UpsertStatement<WindowStats> {

    private static final long serialVersionUID = 1L;

    private static final List<String> COLUMNS =
            List.of(
                    "event_type",
                    "day",
                    "window_start",
                    "window_end",
                    "events",
                    "unique_users",
                    "users_sketch",
                    "first_event",
                    "last_event",
                    "top_keys",
                    "is_final",
                    "watermark");

    @Override
    public String table() {
        return "window_stats";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> partitionKey(WindowStats row) {
        return List.of(row.eventType(), utcDay(row.windowStart()));
    }

    @Override
    public List<Object> values(WindowStats row) {
        // Arrays.asList rather than List.of: a sketch or top-keys list may be null.
        return Arrays.asList(
                row.eventType(),
                utcDay(row.windowStart()),
                Instant.ofEpochMilli(row.windowStart()),
                Instant.ofEpochMilli(row.windowEnd()),
                row.events(),
                row.uniqueUsers(),
                row.usersSketch(),
                Instant.ofEpochMilli(row.firstEvent()),
                Instant.ofEpochMilli(row.lastEvent()),
                topKeys(row.topKeys()),
                row.isFinal(),
                Instant.ofEpochMilli(row.watermark()));
    }

    /** The UTC date of an epoch-millisecond instant: the {@code day} of the partition key. */
    static LocalDate utcDay(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    private static Map<String, Long> topKeys(List<KeyCount> keys) {
        if (keys == null) {
            return null;
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (KeyCount key : keys) {
            counts.put(key.key(), key.count());
        }
        return counts;
    }
}
