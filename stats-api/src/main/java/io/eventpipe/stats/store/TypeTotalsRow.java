package io.eventpipe.stats.store;

import java.time.Instant;

/**
 * One row of {@code type_totals}: the all-time totals of an event type as the job last wrote them.
 *
 * @param usersSketch compact HLL sketch of every user of the type; may be empty, never null
 * @param watermark the job's event-time watermark when it wrote the row, null if not written
 */
public record TypeTotalsRow(
        String eventType,
        long events,
        long uniqueUsers,
        byte[] usersSketch,
        Instant firstEvent,
        Instant lastEvent,
        Instant watermark) {}
