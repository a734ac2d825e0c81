package io.eventpipe.job.model;

import java.io.Serializable;
import java.util.List;

/**
 * The analytics of one event type over one tumbling event-time window, as upserted into the {@code
 * window_stats} table.
 *
 * <p>Every field is an absolute value computed from the whole window, never a delta, so writing the
 * same window twice (after a replay) leaves the same row. {@code isFinal} is false for the
 * provisional results written while the window is still open.
 *
 * @param usersSketch a compact Apache DataSketches HLL sketch of the user ids, mergeable with the
 *     sketches of other windows
 * @param topKeys the most frequent keys, most frequent first
 * @param watermark the event-time watermark of the operator when it emitted this result
 */
public record WindowStats(
        String eventType,
        long windowStart,
        long windowEnd,
        long events,
        long uniqueUsers,
        byte[] usersSketch,
        long firstEvent,
        long lastEvent,
        List<KeyCount> topKeys,
        boolean isFinal,
        long watermark)
        implements Serializable {}
