package io.eventpipe.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventpipe.stats.config.StatsApiConfig;
import io.eventpipe.stats.support.ApiClient;
import io.eventpipe.stats.support.ApiClient.Answer;
import io.eventpipe.stats.support.Ports;
import io.eventpipe.stats.support.PrometheusText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.MetricType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The service started against a Cassandra that never answers: it must still start, stay live,
 * validate requests, and answer 503 for data.
 */
class StatsApiWithoutCassandraTest {

    private static StatsApi api;
    private static ApiClient client;

    @BeforeAll
    static void startWithNoCassandra() {
        StatsApiConfig config =
                StatsApiConfig.fromEnvironment(
                        Map.of(
                                "STATS_API_PORT", "0",
                                "CASSANDRA_CONTACT_POINTS", "127.0.0.1:" + Ports.unusedPort(),
                                "STATS_API_MAX_RANGE", "P31D"));
        api = StatsApi.start(config, Clock.systemUTC());
        client = new ApiClient(api.port());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void healthIsUpWhileCassandraIsDown() {
        Answer answer = client.get("/health");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").asText()).isEqualTo("up");
    }

    @Test
    void readyIsFalseWhileCassandraIsDown() {
        Answer answer = client.get("/ready");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.json().get("ready").asBoolean()).isFalse();
        assertThat(answer.json().get("detail").asText()).contains("not connected");
    }

    @ParameterizedTest
    @CsvSource({
        "/stats",
        "/stats?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z",
        "/stats/page_view"
    })
    void dataRequestsAnswer503WithoutAStackTrace(String path) {
        Answer answer = client.get(path);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("5");
        assertThat(answer.json().get("error").asText()).isEqualTo("cassandra_unavailable");
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @ParameterizedTest
    @CsvSource({
        "/stats?from=yesterday, from",
        "/stats?to=2026-03-01, to",
        "/stats?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z, from",
        "/stats?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z, to",
        "/stats/page_view?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z, to",
        "/stats/page_view?limit=0, limit",
        "/stats/page_view?limit=1001, limit",
        "/stats/page_view?limit=many, limit",
        "/stats/page_view?before=soon, before",
        "/stats?to=-1000000000-01-01T00:00:00Z, to",
        "/stats?from=-999999999-01-01T00:00:00Z&to=-999999999-01-02T00:00:00Z, to",
        "/stats/page_view?from=%2B999999999-01-01T00:00:00Z&to=%2B999999999-01-02T00:00:00Z, to",
        "/stats/page_view?before=1969-12-31T23:59:59Z, before",
        "/stats?from=2026-03-01T00:00:00Z&from=2026-03-02T00:00:00Z, from",
        "/stats/page_view?limit=10&limit=20, limit",
        "/stats/page%20view, type",
        "/stats/"
                + "abcdefghij"
                + "abcdefghij"
                + "abcdefghij"
                + "abcdefghij"
                + "abcdefghij"
                + "abcdefghij"
                + "abcde, type",
    })
    void badParametersAnswer400NamingTheParameter(String path, String parameter) {
        Answer answer = client.get(path);

        assertThat(answer.status()).isEqualTo(400);
        JsonNode body = answer.json();
        assertThat(body.get("error").asText()).isEqualTo("bad_parameter");
        assertThat(body.get("parameter").asText()).isEqualTo(parameter);
        assertThat(body.get("message").asText()).startsWith(parameter + "=").contains("expected");
    }

    @Test
    void unknownPathAnswers404Json() {
        Answer answer = client.get("/nothing/here");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void tooLongRangeSaysTheMaximumInDays() {
        Answer answer =
                client.get("/stats/page_view?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText())
                .isEqualTo(
                        "to='2026-03-01T00:00:00Z' is invalid: expected at most 31 days after"
                                + " from=2026-01-01T00:00:00Z");
    }

    @Test
    void methodNotAllowedIsRecordedUnderItsOwnRoute() {
        assertThat(client.send("POST", "/stats/page_view").status()).isEqualTo(405);

        PrometheusText metrics = PrometheusText.parse(client.get("/metrics").body());

        Histogram notAllowed =
                metrics.metric(
                                "http_server_requests_seconds",
                                Histogram.class,
                                labels ->
                                        labels.get("method").equals("POST")
                                                && labels.get("status").equals("405"))
                        .orElseThrow();
        assertThat(notAllowed.getLabels()).containsEntry("route", "method_not_allowed");
        assertThat(notAllowed.getSampleCount()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void metricsExposeRequestsCassandraErrorsAndJvm() {
        client.get("/stats/page_view?limit=0");
        client.get("/stats");
        client.get("/nothing/here");

        Answer answer = client.get("/metrics");
        PrometheusText metrics = PrometheusText.parse(answer.body());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.family("http_server_requests_seconds").orElseThrow().getType())
                .isEqualTo(MetricType.HISTOGRAM);
        Histogram badRequests =
                metrics.metric(
                                "http_server_requests_seconds",
                                Histogram.class,
                                labels ->
                                        labels.get("route").equals("/stats/{type}")
                                                && labels.get("status").equals("400"))
                        .orElseThrow();
        assertThat(badRequests.getSampleCount()).isGreaterThanOrEqualTo(1);
        assertThat(badRequests.getBuckets()).isNotEmpty();
        assertThat(
                        metrics.metric(
                                "http_server_requests_seconds",
                                Histogram.class,
                                labels ->
                                        labels.get("route").equals("unmatched")
                                                && labels.get("status").equals("404")))
                .isPresent();
        Counter queryErrors =
                metrics.metric(
                                "cassandra_query_errors_total",
                                Counter.class,
                                labels -> labels.get("query").equals("type_totals_all"))
                        .orElseThrow();
        assertThat(queryErrors.getValue()).isGreaterThanOrEqualTo(1);
        // One heap pool's usage can be zero at any moment (an empty survivor or old generation),
        // so the heap is only required to be reported; a live thread count is always positive.
        assertThat(
                        metrics.metric(
                                "jvm_memory_used_bytes",
                                Gauge.class,
                                labels -> labels.get("area").equals("heap")))
                .isPresent();
        Gauge liveThreads =
                metrics.metric("jvm_threads_live_threads", Gauge.class, labels -> true)
                        .orElseThrow();
        assertThat(liveThreads.getValue()).isPositive();
    }

    @Test
    void everyStatsApiMetricTheGrafanaDashboardQueriesIsExported() throws IOException {
        client.get("/stats"); // a request and a failed Cassandra query, so both kinds have series
        String dashboard = Files.readString(Path.of("../deploy/grafana/dashboards/eventpipe.json"));
        Set<String> queried =
                Pattern.compile("(http_server|cassandra_query)_[a-z_]+")
                        .matcher(dashboard)
                        .results()
                        .map(MatchResult::group)
                        .collect(Collectors.toSet());

        PrometheusText metrics = PrometheusText.parse(client.get("/metrics").body());

        assertThat(queried).hasSizeGreaterThanOrEqualTo(3);
        assertThat(queried).allSatisfy(name -> assertThat(metrics.exports(name)).as(name).isTrue());
    }
}
