package io.eventpipe.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import io.eventpipe.local.CassandraServer;
import io.eventpipe.local.junit.LocalServersExtension;
import io.eventpipe.local.junit.TestNames;
import io.eventpipe.stats.support.AnalyticsData;
import io.eventpipe.stats.support.AnalyticsSchema;
import io.eventpipe.stats.support.ApiClient;
import io.eventpipe.stats.support.GeneratedWindow;
import io.eventpipe.stats.support.PrometheusText;
import io.eventpipe.stats.support.TestServices;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hawkular.agent.prometheus.types.Counter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cassandra stops and starts again under a running service, and under one started while it was
 * down: both answer 503 meanwhile and recover by themselves.
 */
@ExtendWith(LocalServersExtension.class)
class StatsApiCassandraOutageITCase {

    // Cassandra restarts in well under this on the test machine; the driver's reconnection
    // delay is capped at a few seconds on top.
    private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(3);

    @Test
    void answers503WhileCassandraIsDownAndRecoversWhenItReturns(CassandraServer cassandra) {
        String keyspace = TestNames.uniqueKeyspace("stats_api_outage");
        List<GeneratedWindow> windows =
                AnalyticsData.generate(
                        "search", Instant.parse("2026-05-01T10:00:00Z"), 5, 0, 50, 3);
        long events;
        try (CqlSession session = TestServices.session(cassandra)) {
            AnalyticsSchema.create(session, keyspace);
            AnalyticsData.writeWindows(session, keyspace, windows);
            events = AnalyticsData.writeTotals(session, keyspace, "search", windows).events();
        }
        try (StatsApi running =
                StatsApi.start(TestServices.config(cassandra, keyspace), Clock.systemUTC())) {
            ApiClient client = new ApiClient(running.port());
            await().atMost(Duration.ofMinutes(1)).until(() -> client.get("/stats").status() == 200);

            cassandra.stop();
            AtomicBoolean restarted = new AtomicBoolean();
            try {
                await().atMost(Duration.ofMinutes(1))
                        .until(() -> client.get("/stats").status() == 503);
                assertThat(client.get("/ready").status()).isEqualTo(503);
                assertThat(client.get("/health").status()).isEqualTo(200);
                startedWhileDownThenRecovers(cassandra, keyspace, events, restarted);
            } finally {
                if (!restarted.get()) {
                    cassandra.start();
                }
            }

            await().atMost(RECOVERY_TIMEOUT).until(() -> client.get("/stats").status() == 200);
            assertThat(client.get("/stats").json().get("totals").get(0).get("events").asLong())
                    .isEqualTo(events);
            assertThat(queryErrors(client)).isPositive();
        }
    }

    /** Starts a second service while Cassandra is down, then brings Cassandra back. */
    private static void startedWhileDownThenRecovers(
            CassandraServer cassandra, String keyspace, long events, AtomicBoolean restarted) {
        try (StatsApi late =
                StatsApi.start(TestServices.config(cassandra, keyspace), Clock.systemUTC())) {
            ApiClient client = new ApiClient(late.port());
            assertThat(client.get("/health").status()).isEqualTo(200);
            assertThat(client.get("/ready").status()).isEqualTo(503);
            assertThat(client.get("/stats").status()).isEqualTo(503);

            cassandra.start();
            restarted.set(true);

            await().atMost(RECOVERY_TIMEOUT).until(() -> client.get("/ready").status() == 200);
            assertThat(client.get("/stats").json().get("totals").get(0).get("events").asLong())
                    .isEqualTo(events);
        }
    }

    private static double queryErrors(ApiClient client) {
        PrometheusText metrics = PrometheusText.parse(client.get("/metrics").body());
        return metrics.family("cassandra_query_errors_total").orElseThrow().getMetrics().stream()
                .mapToDouble(metric -> ((Counter) metric).getValue())
                .sum();
    }
}
