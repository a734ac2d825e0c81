package io.eventpipe.job.functions;

import io.eventpipe.job.model.KeyCount;
import java.util.List;

/**
 * What {@link WindowStatsAggregate} hands to {@link WindowStatsEmitter}: a window's figures without
 * the window itself.
 *
 * @param usersSketch a compact HLL_4 image
 */
public record WindowSummary(
        long events,
        long uniqueUsers,
        byte[] usersSketch,
        long firstEvent,
        long lastEvent,
        List<KeyCount> topKeys) {}
