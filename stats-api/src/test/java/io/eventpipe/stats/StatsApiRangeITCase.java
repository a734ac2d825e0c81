package io.eventpipe.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import io.eventpipe.local.CassandraServer;
import io.eventpipe.local.junit.LocalServersExtension;
import io.eventpipe.local.junit.TestNames;
import io.eventpipe.stats.support.AnalyticsData;
import io.eventpipe.stats.support.AnalyticsSchema;
import io.eventpipe.stats.support.ApiClient;
import io.eventpipe.stats.support.GeneratedWindow;
import io.eventpipe.stats.support.PrometheusText;
import io.eventpipe.stats.support.TestServices;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;
import org.hawkular.agent.prometheus.types.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Range totals over many (type, day) partitions, more than the service reads at once, compared with
 * figures computed from the windows the test wrote: a batch of windows around each of six UTC
 * midnights for one type (so every batch spans two partitions), one batch for another type, the
 * newest window still open.
 */
@ExtendWith(LocalServersExtension.class)
class StatsApiRangeITCase {

    private static final Instant FIRST_DAY = Instant.parse("2026-04-01T00:00:00Z");
    private static final int DAYS = 6;

    private static List<GeneratedWindow> searches;
    private static List<GeneratedWindow> clicks;
    private static StatsApi api;
    private static ApiClient client;

    @BeforeAll
    static void writeRowsAndStart(CassandraServer cassandra) {
        String keyspace = TestNames.uniqueKeyspace("stats_api_range");
        searches = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            Instant start =
                    FIRST_DAY.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(23 * 60 + 45));
            int open = day == DAYS - 1 ? 1 : 0;
            searches.addAll(AnalyticsData.generate("search", start, 30, open, 5_000, 10 + day));
        }
        clicks =
                AnalyticsData.generate(
                        "click", Instant.parse("2026-04-03T08:00:00Z"), 12, 0, 400, 20);
        try (CqlSession session = TestServices.session(cassandra)) {
            AnalyticsSchema.create(session, keyspace);
            AnalyticsData.writeWindows(session, keyspace, searches);
            AnalyticsData.writeWindows(session, keyspace, clicks);
            AnalyticsData.writeTotals(session, keyspace, "search", searches);
            AnalyticsData.writeTotals(session, keyspace, "click", clicks);
        }
        api = TestServices.startReady(cassandra, keyspace);
        client = new ApiClient(api.port());
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void totalsOverSevenPartitionsEqualThoseOfTheWrittenWindows() {
        Instant from = FIRST_DAY;
        Instant to = FIRST_DAY.plus(Duration.ofDays(DAYS)).plus(Duration.ofHours(12));

        JsonNode body = client.get("/stats?from=" + from + "&to=" + to).json();

        assertTotals(body.get("totals").get(0), inRange(clicks, from, to));
        assertTotals(body.get("totals").get(1), inRange(searches, from, to));
        JsonNode searchLatest = body.get("latest_windows").get(1);
        assertWindow(searchLatest.get("latest_closed"), searches.get(searches.size() - 2));
        assertWindow(searchLatest.get("current_provisional"), searches.get(searches.size() - 1));
        JsonNode clickLatest = body.get("latest_windows").get(0);
        assertWindow(clickLatest.get("latest_closed"), clicks.get(clicks.size() - 1));
        assertThat(clickLatest.get("current_provisional").isNull()).isTrue();
        assertThat(rangeQueries()).isGreaterThanOrEqualTo(2 * 7);
    }

    @Test
    void rangeEndingInsidePartitionsCountsOnlyWindowsStartingInIt() {
        Instant from = Instant.parse("2026-04-02T23:50:30Z");
        Instant to = Instant.parse("2026-04-05T00:05:00Z");

        JsonNode body = client.get("/stats?from=" + from + "&to=" + to).json();

        List<GeneratedWindow> expected = inRange(searches, from, to);
        assertThat(expected.get(0).windowStart()).isEqualTo("2026-04-02T23:51:00Z");
        assertTotals(body.get("totals").get(1), expected);
        assertTotals(body.get("totals").get(0), inRange(clicks, from, to));
        JsonNode searchLatest = body.get("latest_windows").get(1);
        assertWindow(searchLatest.get("latest_closed"), expected.get(expected.size() - 1));
        assertThat(searchLatest.get("current_provisional").isNull()).isTrue();
    }

    @Test
    void rangeWithoutWindowsOfATypeReportsNoEventsForIt() {
        JsonNode body =
                client.get("/stats?from=2026-04-01T00:00:00Z&to=2026-04-01T23:00:00Z").json();

        JsonNode clicksTotal = body.get("totals").get(0);
        assertThat(clicksTotal.get("events").asLong()).isZero();
        assertThat(clicksTotal.get("unique_users").asLong()).isZero();
        assertThat(clicksTotal.get("first_event").isNull()).isTrue();
        assertThat(body.get("latest_windows").get(0).get("latest_closed").isNull()).isTrue();
    }

    /**
     * Events and first/last event exactly; unique users equal to a DataSketches union of the stored
     * sketches added newest first (the estimate depends slightly on that order), and close to the
     * exact distinct count while far from the sum of per-window counts.
     */
    private static void assertTotals(JsonNode json, List<GeneratedWindow> windows) {
        long events = windows.stream().mapToLong(window -> window.events().size()).sum();
        long exactUsers = GeneratedWindow.distinctUsers(windows).size();
        long summedWindowUsers =
                windows.stream().mapToLong(window -> window.distinctUsers().size()).sum();
        assertThat(json.get("events").asLong()).isEqualTo(events);
        assertThat(json.get("unique_users").asLong()).isEqualTo(unionNewestFirst(windows));
        assertThat(json.get("unique_users").asDouble())
                .isCloseTo(exactUsers, within(exactUsers * 0.03));
        assertThat(summedWindowUsers).isGreaterThan(exactUsers * 2);
        assertThat(Instant.parse(json.get("first_event").asText()))
                .isEqualTo(windows.get(0).firstEvent());
        assertThat(Instant.parse(json.get("last_event").asText()))
                .isEqualTo(windows.get(windows.size() - 1).lastEvent());
    }

    private static long unionNewestFirst(List<GeneratedWindow> windows) {
        Union union = new Union(14);
        windows.stream()
                .sorted(Comparator.comparing(GeneratedWindow::windowStart).reversed())
                .map(window -> AnalyticsData.storedImage(window.usersSketch()))
                .forEach(image -> union.update(HllSketch.wrap(Memory.wrap(image))));
        return Math.round(union.getEstimate());
    }

    private static void assertWindow(JsonNode json, GeneratedWindow expected) {
        assertThat(Instant.parse(json.get("window_start").asText()))
                .isEqualTo(expected.windowStart());
        assertThat(json.get("events").asLong()).isEqualTo(expected.events().size());
        assertThat(json.get("is_final").asBoolean()).isEqualTo(expected.isFinal());
        assertThat(json.get("top_keys")).hasSize(expected.topKeys().size());
        json.get("top_keys")
                .forEach(
                        key ->
                                assertThat(expected.topKeys().get(key.get("key").asText()))
                                        .isEqualTo(key.get("count").asLong()));
    }

    private static double rangeQueries() {
        PrometheusText metrics = PrometheusText.parse(client.get("/metrics").body());
        return metrics.metric(
                        "cassandra_query_seconds",
                        Histogram.class,
                        labels ->
                                labels.get("query").equals("window_stats_range")
                                        && labels.get("outcome").equals("success"))
                .orElseThrow()
                .getSampleCount();
    }

    private static List<GeneratedWindow> inRange(
            List<GeneratedWindow> windows, Instant from, Instant to) {
        return windows.stream()
                .filter(w -> !w.windowStart().isBefore(from) && w.windowStart().isBefore(to))
                .toList();
    }
}
