package io.eventpipe.stats.store;

import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous side of {@link StatsStore}: every page of a result, and driver failures turned
 * into {@link StoreUnavailableException} whether thrown or completing a stage.
 */
final class AsyncReads {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncReads.class);

    private AsyncReads() {}

    /**
     * Maps the rows of this page and of every later one into {@code rows}. A next page is fetched
     * only once the previous one is mapped, so a query has one request in flight at a time.
     */
    static <T> CompletionStage<List<T>> allPages(
            AsyncResultSet page, Function<Row, T> mapper, List<T> rows) {
        for (Row row : page.currentPage()) {
            rows.add(mapper.apply(row));
        }
        if (!page.hasMorePages()) {
            return CompletableFuture.completedFuture(rows);
        }
        return page.fetchNextPage().thenCompose(next -> allPages(next, mapper, rows));
    }

    /** Runs the execution; a driver failure, thrown or completing the stage, fails it as ours. */
    static <T> CompletionStage<T> unavailableOnDriverFailure(
            String name, Supplier<CompletionStage<T>> execution) {
        CompletionStage<T> stage;
        try {
            stage = execution.get();
        } catch (DriverException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        return stage.handle(
                (result, failure) -> {
                    Throwable cause =
                            failure instanceof CompletionException ? failure.getCause() : failure;
                    if (cause == null) {
                        return result;
                    }
                    if (cause instanceof DriverException e) {
                        throw unavailable(name, e);
                    }
                    throw new CompletionException(cause);
                });
    }

    /** The failure a caller sees for a query the driver could not run; the cause at debug level. */
    static StoreUnavailableException unavailable(String name, DriverException e) {
        LOG.debug("Cassandra query {} failed", name, e);
        return new StoreUnavailableException("Cassandra query failed: " + e.getMessage(), e);
    }
}
