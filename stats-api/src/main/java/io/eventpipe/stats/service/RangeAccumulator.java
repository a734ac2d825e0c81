package io.eventpipe.stats.service;

import io.eventpipe.stats.store.WindowRow;
import java.time.Instant;

/**
 * Adds up the windows of one type over a range: events summed, user sketches united.
 *
 * <p>Provisional windows count with their current values, so the range total includes the
 * still-open window just as the all-time totals do.
 */
final class RangeAccumulator {

    private final String type;
    private final SketchMerger users = new SketchMerger();
    private final LatestTracker latest;
    private long events;
    private Instant firstEvent;
    private Instant lastEvent;

    RangeAccumulator(String type) {
        this.type = type;
        this.latest = new LatestTracker(type);
    }

    void add(WindowRow row) {
        events += row.events();
        users.add(row.usersSketch());
        firstEvent = earlier(firstEvent, row.firstEvent());
        lastEvent = later(lastEvent, row.lastEvent());
        latest.add(row);
    }

    TypeSummary summary() {
        return new TypeSummary(type, events, users.estimate(), firstEvent, lastEvent);
    }

    LatestWindows latest() {
        return latest.result();
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
