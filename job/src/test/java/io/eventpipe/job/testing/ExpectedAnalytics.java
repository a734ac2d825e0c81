package io.eventpipe.job.testing;

import io.eventpipe.job.model.KeyCount;
import io.eventpipe.job.testing.GeneratedEvents.GeneratedEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The analytics the job must produce for a set of events, computed the plain way: grouping in maps,
 * exact distinct sets, a full sort for the top keys. Shares no code with the job.
 */
public final class ExpectedAnalytics {

    /** The expected figures of one event type over one window (or over all time). */
    public record Figures(
            long events,
            Set<String> users,
            long firstEvent,
            long lastEvent,
            Map<String, Long> keys) {

        /** The {@code k} most frequent keys, most frequent first, ties by key. */
        public List<KeyCount> topKeys(int k) {
            List<KeyCount> all = new ArrayList<>();
            keys.forEach((key, count) -> all.add(new KeyCount(key, count)));
            all.sort(
                    Comparator.comparingLong(KeyCount::count)
                            .reversed()
                            .thenComparing(KeyCount::key));
            return all.subList(0, Math.min(k, all.size()));
        }
    }

    /** A window of one type. */
    public record WindowKey(String type, long windowStart) {}

    private ExpectedAnalytics() {}

    /** Figures per type and tumbling window of {@code windowMillis}. */
    public static Map<WindowKey, Figures> perWindow(
            Collection<GeneratedEvent> events, long windowMillis) {
        Map<WindowKey, List<GeneratedEvent>> groups =
                new TreeMap<>(
                        Comparator.comparing(WindowKey::type)
                                .thenComparingLong(WindowKey::windowStart));
        for (GeneratedEvent event : events) {
            long start = event.time() - Math.floorMod(event.time(), windowMillis);
            groups.computeIfAbsent(new WindowKey(event.type(), start), k -> new ArrayList<>())
                    .add(event);
        }
        Map<WindowKey, Figures> figures = new HashMap<>();
        groups.forEach((key, group) -> figures.put(key, figuresOf(group)));
        return figures;
    }

    /** Figures per type over all time. */
    public static Map<String, Figures> perType(Collection<GeneratedEvent> events) {
        Map<String, List<GeneratedEvent>> groups = new HashMap<>();
        for (GeneratedEvent event : events) {
            groups.computeIfAbsent(event.type(), k -> new ArrayList<>()).add(event);
        }
        Map<String, Figures> figures = new HashMap<>();
        groups.forEach((type, group) -> figures.put(type, figuresOf(group)));
        return figures;
    }

    private static Figures figuresOf(List<GeneratedEvent> events) {
        Set<String> users = new HashSet<>();
        Map<String, Long> keys = new HashMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (GeneratedEvent event : events) {
            users.add(event.userId());
            keys.merge(event.page(), 1L, Long::sum);
            first = Math.min(first, event.time());
            last = Math.max(last, event.time());
        }
        return new Figures(events.size(), users, first, last, keys);
    }
}
