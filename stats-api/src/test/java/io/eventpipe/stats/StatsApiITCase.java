package io.eventpipe.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import io.eventpipe.local.CassandraServer;
import io.eventpipe.local.junit.LocalServersExtension;
import io.eventpipe.local.junit.TestNames;
import io.eventpipe.stats.support.AnalyticsData;
import io.eventpipe.stats.support.AnalyticsData.WrittenTotals;
import io.eventpipe.stats.support.AnalyticsSchema;
import io.eventpipe.stats.support.ApiClient;
import io.eventpipe.stats.support.ApiClient.Answer;
import io.eventpipe.stats.support.GeneratedWindow;
import io.eventpipe.stats.support.PrometheusText;
import io.eventpipe.stats.support.TestServices;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hawkular.agent.prometheus.types.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The service against a real Cassandra holding rows written the way the job writes them: two event
 * types, windows on both sides of a UTC midnight (two partitions), one open window.
 */
@ExtendWith(LocalServersExtension.class)
class StatsApiITCase {

    private static final Instant PAGE_VIEWS_START = Instant.parse("2026-03-01T23:30:00Z");
    private static final Instant CLICKS_START = Instant.parse("2026-03-01T23:50:00Z");

    private static List<GeneratedWindow> pageViews;
    private static List<GeneratedWindow> clicks;
    private static WrittenTotals pageViewTotals;
    private static WrittenTotals clickTotals;
    private static StatsApi api;
    private static ApiClient client;

    @BeforeAll
    static void writeRowsAndStart(CassandraServer cassandra) {
        String keyspace = TestNames.uniqueKeyspace("stats_api");
        pageViews = AnalyticsData.generate("page_view", PAGE_VIEWS_START, 60, 1, 800, 1);
        clicks = AnalyticsData.generate("click", CLICKS_START, 20, 0, 300, 2);
        try (CqlSession session = TestServices.session(cassandra)) {
            AnalyticsSchema.create(session, keyspace);
            AnalyticsData.writeWindows(session, keyspace, pageViews);
            AnalyticsData.writeWindows(session, keyspace, clicks);
            pageViewTotals = AnalyticsData.writeTotals(session, keyspace, "page_view", pageViews);
            clickTotals = AnalyticsData.writeTotals(session, keyspace, "click", clicks);
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
    void overviewReportsAllTimeTotalsWatermarkAndFreshness() {
        Instant before = Instant.now();
        Answer answer = client.get("/stats");
        Instant after = Instant.now();

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("range").isNull()).isTrue();
        assertTotals(body.get("totals").get(0), clickTotals);
        assertTotals(body.get("totals").get(1), pageViewTotals);
        Instant watermark = later(clickTotals.watermark(), pageViewTotals.watermark());
        assertThat(Instant.parse(body.get("watermark").asText())).isEqualTo(watermark);
        assertThat(body.get("freshness_seconds").asDouble())
                .isBetween(
                        secondsBetween(watermark, before) - 0.001,
                        secondsBetween(watermark, after) + 0.001);
    }

    @Test
    void overviewShowsTheLatestClosedAndTheCurrentProvisionalWindow() {
        JsonNode latest = client.get("/stats").json().get("latest_windows");

        assertThat(latest.get(0).get("type").asText()).isEqualTo("click");
        assertWindow(latest.get(0).get("latest_closed"), clicks.get(19));
        assertThat(latest.get(0).get("current_provisional").isNull()).isTrue();
        assertThat(latest.get(1).get("type").asText()).isEqualTo("page_view");
        assertWindow(latest.get(1).get("latest_closed"), pageViews.get(58));
        assertWindow(latest.get(1).get("current_provisional"), pageViews.get(59));
    }

    @Test
    void overviewOverARangeSumsEventsAndMergesUniqueUsersAcrossMidnight() {
        Instant from = Instant.parse("2026-03-01T23:45:00Z");
        Instant to = Instant.parse("2026-03-02T00:15:00Z");

        JsonNode body = client.get("/stats?from=" + from + "&to=" + to).json();

        assertThat(Instant.parse(body.get("range").get("from").asText())).isEqualTo(from);
        assertRangeTotals(body.get("totals").get(0), inRange(clicks, from, to));
        assertRangeTotals(body.get("totals").get(1), inRange(pageViews, from, to));
        // The open page_view window (00:29) is outside the range: the newest in it is closed.
        JsonNode pageViewLatest = body.get("latest_windows").get(1);
        assertWindow(pageViewLatest.get("latest_closed"), pageViews.get(44));
        assertThat(pageViewLatest.get("current_provisional").isNull()).isTrue();
    }

    @Test
    void seriesPagesThroughWindowsNewestFirstAcrossMidnight() {
        String query = "/stats/page_view?from=2026-03-01T23:00:00Z&to=2026-03-02T01:00:00Z";
        List<JsonNode> windows = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String before = null;
        do {
            JsonNode page =
                    client.get(query + "&limit=25" + (before == null ? "" : "&before=" + before))
                            .json();
            page.get("windows").forEach(windows::add);
            pageSizes.add(page.get("windows").size());
            before = page.get("next_before").isNull() ? null : page.get("next_before").asText();
        } while (before != null);

        assertThat(pageSizes).containsExactly(25, 25, 10);
        assertThat(windows).hasSize(pageViews.size());
        for (int i = 0; i < windows.size(); i++) {
            assertWindow(windows.get(i), pageViews.get(pageViews.size() - 1 - i));
        }
    }

    @Test
    void seriesKeepsOnlyWindowsStartingInTheRange() {
        JsonNode body =
                client.get("/stats/click?from=2026-03-01T23:59:30Z&to=2026-03-02T00:02:00Z").json();

        assertThat(body.get("windows")).hasSize(2);
        assertWindow(body.get("windows").get(0), clicks.get(11));
        assertWindow(body.get("windows").get(1), clicks.get(10));
        assertThat(body.get("next_before").isNull()).isTrue();
    }

    @Test
    void seriesOfATypeNeverWrittenIs404() {
        Answer answer = client.get("/stats/purchase");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("error").asText()).isEqualTo("unknown_type");
        assertThat(answer.json().get("message").asText()).contains("purchase");
    }

    @Test
    void readyWhenCassandraAnswersAndTheSchemaIsPresent() {
        Answer answer = client.get("/ready");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("ready").asBoolean()).isTrue();
    }

    @Test
    void notReadyAndUnavailableWhileTheJobHasNotCreatedTheSchema(CassandraServer cassandra) {
        String missing = TestNames.uniqueKeyspace("stats_api_missing");
        try (StatsApi early =
                StatsApi.start(TestServices.config(cassandra, missing), Clock.systemUTC())) {
            ApiClient earlyClient = new ApiClient(early.port());
            await().atMost(Duration.ofMinutes(1))
                    .until(
                            () -> earlyClient.get("/ready").json().get("detail").asText(),
                            detail -> detail.contains("schema not present"));

            assertThat(earlyClient.get("/ready").status()).isEqualTo(503);
            assertThat(earlyClient.get("/stats").status()).isEqualTo(503);
        }
    }

    @Test
    void metricsShowCassandraQueryLatencyAndRequestsByRoute() {
        client.get("/stats/click?from=2026-03-01T23:00:00Z&to=2026-03-02T01:00:00Z");
        client.get("/stats");

        PrometheusText metrics = PrometheusText.parse(client.get("/metrics").body());

        Histogram pageQueries =
                metrics.metric(
                                "cassandra_query_seconds",
                                Histogram.class,
                                labels ->
                                        labels.get("query").equals("window_stats_page")
                                                && labels.get("outcome").equals("success"))
                        .orElseThrow();
        assertThat(pageQueries.getSampleCount()).isGreaterThanOrEqualTo(1);
        assertThat(pageQueries.getSampleSum()).isPositive();
        Histogram overviews =
                metrics.metric(
                                "http_server_requests_seconds",
                                Histogram.class,
                                labels ->
                                        labels.get("route").equals("/stats")
                                                && labels.get("status").equals("200"))
                        .orElseThrow();
        assertThat(overviews.getSampleCount()).isGreaterThanOrEqualTo(1);
    }

    private static void assertTotals(JsonNode json, WrittenTotals expected) {
        assertThat(json.get("type").asText()).isEqualTo(expected.type());
        assertThat(json.get("events").asLong()).isEqualTo(expected.events());
        assertThat(json.get("unique_users").asLong()).isEqualTo(expected.uniqueUsers());
        assertThat(Instant.parse(json.get("first_event").asText()))
                .isEqualTo(expected.firstEvent());
        assertThat(Instant.parse(json.get("last_event").asText())).isEqualTo(expected.lastEvent());
    }

    private static void assertRangeTotals(JsonNode json, List<GeneratedWindow> windows) {
        long events = windows.stream().mapToLong(window -> window.events().size()).sum();
        long exactUsers = GeneratedWindow.distinctUsers(windows).size();
        long summedWindowUsers =
                windows.stream().mapToLong(window -> window.distinctUsers().size()).sum();
        assertThat(json.get("events").asLong()).isEqualTo(events);
        // lgK 14: relative standard error about 0.8%, so 3% is beyond three sigmas...
        assertThat(json.get("unique_users").asDouble())
                .isCloseTo(exactUsers, within(exactUsers * 0.03));
        // ...and summing the windows' distinct counts would be far outside it.
        assertThat(summedWindowUsers).isGreaterThan(exactUsers * 2);
        assertThat(Instant.parse(json.get("first_event").asText()))
                .isEqualTo(windows.get(0).firstEvent());
    }

    private static void assertWindow(JsonNode json, GeneratedWindow expected) {
        assertThat(Instant.parse(json.get("window_start").asText()))
                .isEqualTo(expected.windowStart());
        assertThat(Instant.parse(json.get("window_end").asText())).isEqualTo(expected.windowEnd());
        assertThat(json.get("events").asLong()).isEqualTo(expected.events().size());
        assertThat(json.get("unique_users").asLong())
                .isEqualTo(Math.round(expected.usersSketch().getEstimate()));
        assertThat(json.get("is_final").asBoolean()).isEqualTo(expected.isFinal());
        assertThat(Instant.parse(json.get("last_event").asText())).isEqualTo(expected.lastEvent());
        List<Map.Entry<String, Long>> keys = new ArrayList<>();
        json.get("top_keys")
                .forEach(
                        key ->
                                keys.add(
                                        Map.entry(
                                                key.get("key").asText(),
                                                key.get("count").asLong())));
        assertThat(keys).containsExactlyElementsOf(expectedTopKeys(expected));
    }

    private static List<Map.Entry<String, Long>> expectedTopKeys(GeneratedWindow window) {
        return window.topKeys().entrySet().stream()
                .sorted(
                        Map.Entry.<String, Long>comparingByValue()
                                .reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }

    private static List<GeneratedWindow> inRange(
            List<GeneratedWindow> windows, Instant from, Instant to) {
        return windows.stream()
                .filter(w -> !w.windowStart().isBefore(from) && w.windowStart().isBefore(to))
                .toList();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static double secondsBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
