package io.eventpipe.stats.support;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;

/**
 * One window of generated events, kept whole so a test can compute every expected figure (exact
 * distinct users, key counts) independently of the service.
 *
 * @param events one entry per event, in event-time order
 */
public record GeneratedWindow(
        String type,
        Instant windowStart,
        Instant windowEnd,
        List<GeneratedEvent> events,
        boolean isFinal,
        Instant watermark) {

    /** The number of most frequent keys the job keeps per window in these tests. */
    public static final int TOP_KEYS = 5;

    /** The job's sketch precision. */
    static final int LG_K = 14;

    /** One generated event. */
    public record GeneratedEvent(Instant time, String user, String key) {}

    public Set<String> distinctUsers() {
        return events.stream().map(GeneratedEvent::user).collect(Collectors.toSet());
    }

    public Instant firstEvent() {
        return events.get(0).time();
    }

    public Instant lastEvent() {
        return events.get(events.size() - 1).time();
    }

    /** The {@link #TOP_KEYS} most frequent keys with their counts (ties broken by key). */
    public Map<String, Long> topKeys() {
        Map<String, Long> counts = new HashMap<>();
        events.forEach(event -> counts.merge(event.key(), 1L, Long::sum));
        return counts.entrySet().stream()
                .sorted(
                        Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                                .thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_KEYS)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The users as the job stores them: a compact HLL_4 sketch with lgK 14. */
    public HllSketch usersSketch() {
        HllSketch sketch = new HllSketch(LG_K, TgtHllType.HLL_4);
        events.forEach(event -> sketch.update(event.user()));
        return sketch;
    }

    /** Distinct users over several windows, computed exactly. */
    public static Set<String> distinctUsers(List<GeneratedWindow> windows) {
        Set<String> users = new HashSet<>();
        windows.forEach(window -> users.addAll(window.distinctUsers()));
        return users;
    }
}
