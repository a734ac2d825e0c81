package io.eventpipe.stats.store;

import com.datastax.oss.driver.api.core.DriverException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
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

    /** Like {@link #time} for a query that completes later: records when the stage completes. */
    <T> CompletionStage<T> timeAsync(String query, Supplier<CompletionStage<T>> execution) {
        Timer.Sample sample = Timer.start(registry);
        CompletionStage<T> stage;
        try {
            stage = execution.get();
        } catch (RuntimeException e) { // e.g. not connected yet: reported like a failed query
            stage = CompletableFuture.failedFuture(e);
        }
        return stage.whenComplete(
                (result, failure) -> {
                    Throwable cause = unwrap(failure);
                    if (cause instanceof RuntimeException error) {
                        errors(query, error).increment();
                    }
                    sample.stop(timer(query, cause == null ? "success" : "error"));
                });
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
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
