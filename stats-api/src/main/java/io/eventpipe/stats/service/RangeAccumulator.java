package io.eventpipe.stats.service;

import io.eventpipe.stats.store.RangeRow;
import java.time.Instant;

/**
 * Adds up the windows of one type over a range: events summed, user sketches united.
 *
 * <p>Provisional windows count with their current values, so the range total includes the
 * still-open window just as the all-time totals do. Rows must be fed newest first: that fixes the
 * order of the sketch union and lets {@link LatestTracker} find the newest windows.
 */
final class RangeAccumulator {

    private final String type;
    private final SketchMerger users = new SketchMerger();
    private final LatestTracker<RangeRow> latest = new LatestTracker<>();
    private long events;
    private Instant firstEvent;
    private Instant lastEvent;

    RangeAccumulator(String type) {
        this.type = type;
    }

    void add(RangeRow row) {
        events += row.events();
        users.add(row.usersSketch());
        firstEvent = earlier(firstEvent, row.firstEvent());
        lastEvent = later(lastEvent, row.lastEvent());
        latest.add(row, row.isFinal());
    }

    TypeSummary summary() {
        return new TypeSummary(type, events, users.estimate(), firstEvent, lastEvent);
    }

    /** The newest windows of the range, as narrow rows (their top keys are read separately). */
    LatestTracker<RangeRow> latest() {
        return latest;
    }

    private static Instant earlier(Instant current, Instant candidate) {
        if (candidate == null || (current != null && current.isBefore(candidate))) {
            return current;
        }
        return candidate;
    }

    private static Instant later(Instant current, Instant candidate) {
        if (candidate == null || (current != null && current.isAfter(candidate))) {
            return current;
        }
        return candidate;
    }
}
