package io.eventpipe.job.sink;

import java.util.Map;

/**
 * Estimates how many bytes a row adds to a write request, for the sink's byte limits per request
 * and per row. An estimate is enough: the limits only keep requests far below Cassandra's frame and
 * mutation size limits.
 */
final class RowSizes {

    // Per-value framing in the native protocol (a length prefix), rounded up.
    private static final int VALUE_OVERHEAD = 4;

    private RowSizes() {}

    static long estimateBytes(UpsertRow row) {
        long bytes = 0;
        for (Object value : row.values()) {
            bytes += VALUE_OVERHEAD + valueBytes(value);
        }
        return bytes;
    }

    private static long valueBytes(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String text) {
            // UTF-8 needs at most three bytes per UTF-16 char.
            return 3L * text.length();
        }
        if (value instanceof byte[] bytes) {
            return bytes.length;
        }
        if (value instanceof Map<?, ?> map) {
            long bytes = VALUE_OVERHEAD;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                bytes += 2L * VALUE_OVERHEAD + valueBytes(entry.getKey()) + Long.BYTES;
            }
            return bytes;
        }
        return Long.BYTES;
    }
}
