package io.eventpipe.job.sink;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.util.concurrent.ExecutorThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer of {@link CassandraUpsertSink}: it splits each flushed batch of rows by partition,
 * writes every partition as one UNLOGGED batch with retries, and joins each checkpoint.
 *
 * <p>The buffering, the size and age triggers and the bound on in-flight requests come from {@link
 * AsyncSinkWriter}. A request completes only when every partition batch in it has been
 * acknowledged; transient failures are retried with exponential backoff, and any other failure, or
 * the last failed retry, is kept as the first failure and thrown at the next write, checkpoint or
 * close, failing the job.
 */
class CassandraUpsertWriter<T> extends AsyncSinkWriter<T, UpsertRow> {

    private static final Logger LOG = LoggerFactory.getLogger(CassandraUpsertWriter.class);

    private final String table;
    private final CassandraWriteClient client;
    private final ScheduledExecutorService retryScheduler;
    private final FailsafeExecutor<Void> retrying;
    private final CassandraSinkMetrics metrics;
    private final AtomicInteger inFlightRequests = new AtomicInteger();
    private final AtomicReference<CassandraWriteException> firstFailure = new AtomicReference<>();

    CassandraUpsertWriter(
            ElementConverter<T, UpsertRow> converter,
            Sink.InitContext context,
            AsyncSinkWriterConfiguration writerConfig,
            Collection<BufferedRequestState<UpsertRow>> restoredState,
            CassandraSinkConfig config,
            String table,
            CassandraWriteClient client) {
        super(converter, context, writerConfig, restoredState);
        this.table = config.keyspace() + "." + table;
        this.client = client;
        this.metrics = new CassandraSinkMetrics(context.metricGroup(), inFlightRequests::get);
        this.retryScheduler =
                Executors.newSingleThreadScheduledExecutor(
                        new ExecutorThreadFactory("cassandra-sink-retry-" + table));
        this.retrying = Failsafe.with(retryPolicy(config)).with(retryScheduler);
    }

    private RetryPolicy<Void> retryPolicy(CassandraSinkConfig config) {
        return RetryPolicy.<Void>builder()
                .handleIf(TransientFailures::isTransient)
                .withBackoff(config.retryInitialBackoff(), config.retryMaxBackoff())
                .withJitter(0.2)
                .withMaxRetries(config.maxRetries())
                .onRetry(
                        event -> {
                            metrics.retried();
                            logRetry(event.getAttemptCount(), event.getLastException());
                        })
                .build();
    }

    // One warning per batch, not per attempt: during an outage every batch retries many times,
    // and the cassandraWriteRetries metric counts them all.
    private void logRetry(int attempt, Throwable failure) {
        if (attempt == 1) {
            LOG.warn("Retrying a write to {} after: {}", table, String.valueOf(failure));
        } else {
            LOG.debug("Retrying a write to {} (retry {}) after: {}", table, attempt, failure);
        }
    }

    @Override
    protected void submitRequestEntries(List<UpsertRow> rows, ResultHandler<UpsertRow> handler) {
        long startNanos = System.nanoTime();
        inFlightRequests.incrementAndGet();
        CompletableFuture<?>[] writes =
                byPartition(rows).stream()
                        .map(this::writeWithRetries)
                        .toArray(CompletableFuture<?>[]::new);
        CompletableFuture.allOf(writes)
                .whenComplete(
                        (done, failure) -> {
                            inFlightRequests.decrementAndGet();
                            metrics.requestFinished(startNanos);
                            if (failure == null) {
                                handler.complete();
                            } else {
                                handler.completeExceptionally(recordFailure(failure));
                            }
                        });
    }

    /** Groups rows by partition key, so that no UNLOGGED batch ever spans two partitions. */
    static List<List<UpsertRow>> byPartition(List<UpsertRow> rows) {
        Map<List<Object>, List<UpsertRow>> partitions = new LinkedHashMap<>();
        for (UpsertRow row : rows) {
            partitions.computeIfAbsent(row.partitionKey(), key -> new ArrayList<>()).add(row);
        }
        return new ArrayList<>(partitions.values());
    }

    private CompletableFuture<Void> writeWithRetries(List<UpsertRow> partitionRows) {
        long startNanos = System.nanoTime();
        return retrying.getStageAsync(() -> client.writePartition(partitionRows))
                .thenRun(() -> metrics.batchWritten(partitionRows.size(), startNanos));
    }

    private CassandraWriteException recordFailure(Throwable failure) {
        CassandraWriteException error =
                new CassandraWriteException(table, TransientFailures.unwrap(failure));
        if (firstFailure.compareAndSet(null, error)) {
            metrics.failed();
            LOG.error(
                    "Giving up on a write to {}; the job will fail and restart from its last"
                            + " checkpoint. Check that Cassandra is up and the table matches"
                            + " schema.cql.",
                    table,
                    error);
        }
        return firstFailure.get();
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
        throwIfFailed();
        super.write(element, context);
    }

    /**
     * Writes every buffered row and waits for all in-flight writes, at each checkpoint as well as
     * at the end of input: a checkpoint must not complete while a row it covers is unwritten.
     */
    @Override
    public void flush(boolean endOfInput) throws InterruptedException {
        throwIfFailed();
        super.flush(true);
        throwIfFailed();
    }

    @Override
    public List<BufferedRequestState<UpsertRow>> snapshotState(long checkpointId) {
        throwIfFailed();
        return super.snapshotState(checkpointId);
    }

    @Override
    protected long getSizeInBytes(UpsertRow row) {
        return RowSizes.estimateBytes(row);
    }

    @Override
    public void close() {
        try {
            retryScheduler.shutdownNow();
        } catch (RuntimeException e) {
            LOG.warn("Stopping the retry scheduler of {} failed", table, e);
        }
        try {
            client.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the Cassandra client of {} failed", table, e);
        }
        throwIfFailed();
    }

    int inFlightRequests() {
        return inFlightRequests.get();
    }

    CassandraSinkMetrics metrics() {
        return metrics;
    }

    private void throwIfFailed() {
        CassandraWriteException failure = firstFailure.get();
        if (failure != null) {
            throw failure;
        }
    }
}
