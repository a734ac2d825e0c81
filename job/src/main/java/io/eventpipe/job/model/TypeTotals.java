package io.eventpipe.job.model;

import java.io.Serializable;

/**
 * All-time totals of one event type, as upserted into the {@code type_totals} table: the sum of the
 * counts and the union of the user sketches of every window of that type.
 */
public record TypeTotals(
        String eventType,
        long events,
        long uniqueUsers,
        byte[] usersSketch,
        long firstEvent,
        long lastEvent,
        long watermark)
        implements Serializable {}
