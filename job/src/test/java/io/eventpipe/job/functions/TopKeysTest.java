package io.eventpipe.job.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.job.model.KeyCount;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopKeysTest {

    @Test
    void mostFrequentFirstAndTiesInKeyOrder() {
        Map<String, Long> counts = Map.of("/c", 2L, "/a", 5L, "/b", 2L, "/d", 1L);

        assertThat(TopKeys.of(counts, 3))
                .containsExactly(
                        new KeyCount("/a", 5), new KeyCount("/b", 2), new KeyCount("/c", 2));
    }

    @Test
    void fewerKeysThanKGivesAllAndNoKeysGivesNone() {
        assertThat(TopKeys.of(Map.of("/x", 1L), 10)).containsExactly(new KeyCount("/x", 1));
        assertThat(TopKeys.of(new HashMap<>(), 10)).isEmpty();
    }

    @Test
    void topKOfManyKeysMatchesABruteForceRanking() {
        Map<String, Long> counts = new HashMap<>();
        for (int i = 0; i < 500; i++) {
            counts.put("key-" + i, (long) ((i * 7919) % 97));
        }
        long tenthLargest =
                counts.values().stream()
                        .sorted((a, b) -> Long.compare(b, a))
                        .skip(9)
                        .findFirst()
                        .orElseThrow();

        var top = TopKeys.of(counts, 10);

        assertThat(top).hasSize(10);
        assertThat(top)
                .allSatisfy(kc -> assertThat(kc.count()).isGreaterThanOrEqualTo(tenthLargest));
        assertThat(top).isSortedAccordingTo((a, b) -> Long.compare(b.count(), a.count()));
    }
}
