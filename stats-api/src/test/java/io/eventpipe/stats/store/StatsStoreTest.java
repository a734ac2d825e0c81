package io.eventpipe.stats.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventpipe.stats.config.StatsApiConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class StatsStoreTest {

    @Test
    void rangeReadBeforeConnectingFailsItsStageAsUnavailableAndCountsTheError() {
        // Never started: the connector has no session and opens no connection.
        CassandraConnector connector =
                new CassandraConnector(StatsApiConfig.fromEnvironment(Map.of()));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StatsStore store = new StatsStore(connector, "analytics", registry);

        CompletionStage<List<RangeRow>> stage =
                store.rangeRows(
                        "search",
                        LocalDate.parse("2026-04-01"),
                        Instant.parse("2026-04-01T00:00:00Z"),
                        Instant.parse("2026-04-02T00:00:00Z"));

        assertThatThrownBy(() -> stage.toCompletableFuture().join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("not connected");
        assertThat(
                        registry.get("cassandra.query.errors")
                                .tag("query", "window_stats_range")
                                .counter()
                                .count())
                .isEqualTo(1);
        assertThat(
                        registry.get("cassandra.query")
                                .tag("query", "window_stats_range")
                                .tag("outcome", "error")
                                .timer()
                                .count())
                .isEqualTo(1);
    }
}
