package io.eventpipe.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticEventsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long NOW = 1_764_772_800_123L;
    private static final int SAMPLE = 20_000;

    @Test
    void eventsHaveTheDefaultShapeAndAreKeyedByUser() throws IOException {
        OutgoingEvent event = new SyntheticEvents(100, 50, 1L, () -> NOW).next();
        JsonNode json = MAPPER.readTree(event.value());

        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly("event_id", "type", "user_id", "ts", "page");
        assertThat(json.get("event_id").asText()).hasSize(36);
        assertThat(SyntheticEvents.TYPES).contains(json.get("type").asText());
        assertThat(json.get("user_id").asText()).matches("user-[0-9]+").isEqualTo(event.key());
        assertThat(json.get("ts").isIntegralNumber()).isTrue();
        assertThat(json.get("ts").asLong()).isEqualTo(NOW);
        assertThat(json.get("page").asText()).matches("/products/[0-9]+|/search");
    }

    @Test
    void sameSeedGivesSameEvents() {
        SyntheticEvents first = new SyntheticEvents(100, 50, 42L, () -> NOW);
        SyntheticEvents second = new SyntheticEvents(100, 50, 42L, () -> NOW);

        for (int i = 0; i < 100; i++) {
            assertThat(first.next().value()).isEqualTo(second.next().value());
        }
    }

    @Test
    void allTypesOccurWithPageViewsTheMostAndPurchasesTheLeast() throws IOException {
        Map<String, Integer> byType = countBy("/type", sample());

        assertThat(byType.keySet()).containsExactlyInAnyOrderElementsOf(SyntheticEvents.TYPES);
        assertThat(byType.values().stream().mapToInt(Integer::intValue).max().getAsInt())
                .isEqualTo(byType.get("page_view"));
        assertThat(byType.values().stream().mapToInt(Integer::intValue).min().getAsInt())
                .isEqualTo(byType.get("purchase"));
    }

    @Test
    void pagePopularityIsSkewedTowardsAFewPages() throws IOException {
        Map<String, Integer> byPage = countBy("/page", sample());
        byPage.remove("/search");
        List<Integer> counts = new ArrayList<>(byPage.values());
        counts.sort((a, b) -> b - a);
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        int topTen = counts.stream().limit(10).mapToInt(Integer::intValue).sum();

        // Uniform popularity over 1000 pages would give the top 10 about 1% of the views.
        assertThat(topTen).isGreaterThan(total / 5);
        assertThat(counts.get(0)).isGreaterThan(20 * counts.get(counts.size() / 2));
    }

    @Test
    void eventIdsAreUnique() throws IOException {
        List<JsonNode> events = sample();
        HashSet<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.get("event_id").asText()));

        assertThat(ids).hasSize(events.size());
    }

    private static List<JsonNode> sample() throws IOException {
        SyntheticEvents events = new SyntheticEvents(10_000, 1_000, 7L, () -> NOW);
        List<JsonNode> sample = new ArrayList<>();
        for (int i = 0; i < SAMPLE; i++) {
            sample.add(MAPPER.readTree(events.next().value()));
        }
        return sample;
    }

    private static Map<String, Integer> countBy(String field, List<JsonNode> events) {
        Map<String, Integer> counts = new HashMap<>();
        events.forEach(e -> counts.merge(e.at(field).asText(), 1, Integer::sum));
        return counts;
    }
}
