package io.eventpipe.stats.service;

import java.time.Instant;

/**
 * The events and distinct users of one type, all-time or over a requested range.
 *
 * @param firstEvent earliest event time seen, null when there were no events
 * @param lastEvent latest event time seen, null when there were no events
 */
public record TypeSummary(
        String type, long events, long uniqueUsers, Instant firstEvent, Instant lastEvent) {}
