package io.eventpipe.job.functions;

import io.eventpipe.job.model.KeyCount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Picks the most frequent keys from exact per-key counts. */
public final class TopKeys {

    // Ties are broken by key so that a replay of the same window writes the same top list.
    private static final Comparator<Map.Entry<String, Long>> MOST_FREQUENT_FIRST =
            Map.Entry.<String, Long>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey());

    private TopKeys() {}

    /** The {@code k} most frequent keys, most frequent first, ties in key order. */
    public static List<KeyCount> of(Map<String, Long> counts, int k) {
        List<KeyCount> top = new ArrayList<>(Math.min(k, counts.size()));
        counts.entrySet().stream()
                .sorted(MOST_FREQUENT_FIRST)
                .limit(k)
                .forEach(entry -> top.add(new KeyCount(entry.getKey(), entry.getValue())));
        return top;
    }
}
