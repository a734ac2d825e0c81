package io.eventpipe.stats.service;

import io.eventpipe.stats.store.RangeRow;
import io.eventpipe.stats.store.StatsStore;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletionStage;

/**
 * Totals of one event type over a range, read from its (type, UTC day) partitions.
 *
 * <p>A few partitions are read at once, asynchronously, so that Cassandra works on the next days
 * while the service unites the sketches of the current one; at most {@link #PARTITIONS_IN_FLIGHT}
 * partitions of a type are held in memory. The rows are still added strictly newest first, so the
 * answer does not depend on which read finishes first. Only the columns a total needs are read; the
 * full rows of the (at most two) newest windows, with their top keys, are read afterwards.
 */
final class RangeReader {

    /** Partitions of one type requested ahead of the one being added up. */
    static final int PARTITIONS_IN_FLIGHT = 4;

    private final StatsStore store;

    RangeReader(StatsStore store) {
        this.store = store;
    }

    TypeAnswer read(String type, TimeRange range) {
        RangeAccumulator accumulator = new RangeAccumulator(type);
        List<LocalDate> days = range.daysNewestFirst();
        Queue<CompletionStage<List<RangeRow>>> inFlight = new ArrayDeque<>();
        int requested = 0;
        for (int added = 0; added < days.size(); added++) {
            while (requested < days.size() && requested < added + PARTITIONS_IN_FLIGHT) {
                LocalDate day = days.get(requested++);
                inFlight.add(store.rangeRows(type, day, range.from(), range.to()));
            }
            Stages.join(inFlight.remove()).forEach(accumulator::add);
        }
        LatestTracker<RangeRow> latest = accumulator.latest();
        return new TypeAnswer(
                accumulator.summary(),
                new LatestWindows(
                        type,
                        fullWindow(type, latest.latestClosed()),
                        fullWindow(type, latest.currentProvisional())));
    }

    // Null when there is no such window, or when it vanished since the scan (a purge).
    private WindowView fullWindow(String type, RangeRow row) {
        if (row == null) {
            return null;
        }
        LocalDate day = TimeRange.dayOf(row.windowStart());
        return store.window(type, day, row.windowStart()).map(WindowView::of).orElse(null);
    }
}
