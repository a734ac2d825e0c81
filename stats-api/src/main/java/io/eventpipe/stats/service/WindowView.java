package io.eventpipe.stats.service;

import io.eventpipe.stats.store.WindowRow;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One window as the API shows it.
 *
 * @param topKeys most frequent first; ties by key so the order is stable
 */
public record WindowView(
        String type,
        Instant windowStart,
        Instant windowEnd,
        long events,
        long uniqueUsers,
        Instant firstEvent,
        Instant lastEvent,
        boolean isFinal,
        Instant watermark,
        List<KeyCountView> topKeys) {

    private static final Comparator<KeyCountView> MOST_FREQUENT_FIRST =
            Comparator.comparingLong(KeyCountView::count)
                    .reversed()
                    .thenComparing(KeyCountView::key);

    static WindowView of(WindowRow row) {
        List<KeyCountView> keys =
                row.topKeys().entrySet().stream()
                        .map(entry -> new KeyCountView(entry.getKey(), entry.getValue()))
                        .sorted(MOST_FREQUENT_FIRST)
                        .toList();
        return new WindowView(
                row.eventType(),
                row.windowStart(),
                row.windowEnd(),
                row.events(),
                row.uniqueUsers(),
                row.firstEvent(),
                row.lastEvent(),
                row.isFinal(),
                row.watermark(),
                keys);
    }
}
