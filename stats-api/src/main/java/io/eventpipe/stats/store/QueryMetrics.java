package io.eventpipe.stats.store;

import com.datastax.oss.driver.api.core.DriverException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;

/**
 * Times each Cassandra query and counts its failures, tagged by a short query name.
 *
 * <p>Exposed as {@code cassandra_query_seconds} (a histogram) and {@code
 * cassandra_query_errors_total}; a failing query is timed too, so the histogram shows timeouts.
 */
final class QueryMetrics {

    private final MeterRegistry registry;

    QueryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs the query, recording its latency and, if it throws, an error for its query name. */
    <T> T time(String query, Supplier<T> execution) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "success";
        try {
            return execution.get();
        } catch (DriverException | StoreUnavailableException e) {
            outcome = "error";
            errors(query, e).increment();
            throw e;
        } finally {
            sample.stop(timer(query, outcome));
        }
    }

    private Timer timer(String query, String outcome) {
        return Timer.builder("cassandra.query")
                .description("Latency of the Cassandra queries of stats-api")
                .tag("query", query)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry);
    }

    private Counter errors(String query, RuntimeException error) {
        return Counter.builder("cassandra.query.errors")
                .description("Cassandra queries of stats-api that failed, by error type")
                .tag("query", query)
                .tag("error", error.getClass().getSimpleName())
                .register(registry);
    }
}
