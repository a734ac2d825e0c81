package io.eventpipe.job.sink;

import io.eventpipe.job.testing.CassandraRows;
import io.eventpipe.job.testing.CassandraRows.TotalsRow;
import io.eventpipe.job.testing.CassandraRows.WindowRow;
import io.eventpipe.job.testing.ExpectedAnalytics;
import io.eventpipe.job.testing.ExpectedAnalytics.Figures;
import io.eventpipe.job.testing.GeneratedEvents.GeneratedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * The rows of {@code window_stats} and {@code type_totals} the job must end with, computed from the
 * events sent, in the form {@link CassandraRows} reads them back.
 */
final class AnalyticsRows {

    /** An event as sent, with the Kafka partition it went to. */
    record SentEvent(GeneratedEvent event, int partition) {}

    // The sketch the job keeps (DataSketches HLL, lgK 14); its estimate is a function of the set
    // of users alone, so the test computes it from the input with the library directly.
    private static final int LG_K = 14;

    private AnalyticsRows() {}

    /**
     * The window rows the job must end with after {@code sent}: a window is final once the
     * watermark (the smallest over the partitions of newest time minus the bound, minus 1 ms) has
     * reached its last millisecond, and provisional otherwise. Every key is kept: the test runs
     * with a top-k larger than the number of distinct keys.
     */
    static List<WindowRow> expectedWindows(
            Collection<SentEvent> sent, long windowMillis, long outOfOrdernessMillis) {
        long watermark = watermark(sent, outOfOrdernessMillis);
        List<GeneratedEvent> events = events(sent);
        Map<ExpectedAnalytics.WindowKey, List<String>> users = new HashMap<>();
        for (GeneratedEvent event : events) {
            long start = event.time() - Math.floorMod(event.time(), windowMillis);
            users.computeIfAbsent(
                            new ExpectedAnalytics.WindowKey(event.type(), start),
                            key -> new ArrayList<>())
                    .add(event.userId());
        }
        List<WindowRow> rows = new ArrayList<>();
        ExpectedAnalytics.perWindow(events, windowMillis)
                .forEach(
                        (key, figures) -> {
                            long end = key.windowStart() + windowMillis;
                            rows.add(
                                    windowRow(
                                            key.type(),
                                            key.windowStart(),
                                            end,
                                            figures,
                                            estimate(users.get(key)),
                                            end - 1 <= watermark));
                        });
        return rows;
    }

    private static WindowRow windowRow(
            String type, long start, long end, Figures figures, long uniqueUsers, boolean isFinal) {
        return new WindowRow(
                type,
                LocalDate.ofInstant(Instant.ofEpochMilli(start), ZoneOffset.UTC),
                start,
                end,
                figures.events(),
                uniqueUsers,
                figures.firstEvent(),
                figures.lastEvent(),
                figures.keys(),
                isFinal);
    }

    /** The totals rows the job must end with after {@code sent}. */
    static List<TotalsRow> expectedTotals(Collection<SentEvent> sent) {
        List<TotalsRow> rows = new ArrayList<>();
        ExpectedAnalytics.perType(events(sent))
                .forEach(
                        (type, figures) ->
                                rows.add(
                                        new TotalsRow(
                                                type,
                                                figures.events(),
                                                estimate(figures.users()),
                                                figures.firstEvent(),
                                                figures.lastEvent())));
        return rows;
    }

    private static long watermark(Collection<SentEvent> sent, long outOfOrdernessMillis) {
        Map<Integer, Long> newestPerPartition = new HashMap<>();
        for (SentEvent s : sent) {
            newestPerPartition.merge(s.partition(), s.event().time(), Math::max);
        }
        long oldestNewest =
                newestPerPartition.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        return oldestNewest - outOfOrdernessMillis - 1;
    }

    private static List<GeneratedEvent> events(Collection<SentEvent> sent) {
        return sent.stream().map(SentEvent::event).toList();
    }

    private static long estimate(Collection<String> users) {
        Union union = new Union(LG_K);
        users.forEach(union::update);
        byte[] stored = union.getResult(TgtHllType.HLL_4).toCompactByteArray();
        return Math.round(HllSketch.heapify(stored).getEstimate());
    }
}
