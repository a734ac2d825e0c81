package io.eventpipe.stats.store;

import java.time.Instant;
import java.util.Map;

/**
 * One row of {@code window_stats}: the analytics of one event type over one event-time window.
 *
 * @param usersSketch compact HLL sketch of the window's users; may be empty, never null
 * @param topKeys the window's most frequent keys with their counts, in no particular order
 * @param isFinal false while the window is open and the row is a provisional result
 */
public record WindowRow(
        String eventType,
        Instant windowStart,
        Instant windowEnd,
        long events,
        long uniqueUsers,
        byte[] usersSketch,
        Instant firstEvent,
        Instant lastEvent,
        Map<String, Long> topKeys,
        boolean isFinal,
        Instant watermark) {}
