package io.eventpipe.stats.store;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * The columns of a {@code window_stats} row that a range total needs: no top keys, no per-window
 * estimate, so that a long range moves and decodes as little as possible.
 *
 * @param usersSketch the compact HLL sketch as the driver read it (not copied); may be empty, never
 *     null; read-only for the holder
 */
public record RangeRow(
        Instant windowStart,
        long events,
        ByteBuffer usersSketch,
        Instant firstEvent,
        Instant lastEvent,
        boolean isFinal) {}
