package io.eventpipe.job.sink;

import java.util.function.IntSupplier;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The sink writer's metrics, registered on its metric group (Flink adds the job, task and operator
 * scope, and the Prometheus reporter turns the names into e.g. {@code
 * flink_taskmanager_job_task_operator_cassandraRowsWritten}).
 *
 * <p>Counters are thread-safe: the driver's and the retry scheduler's threads update them.
 */
final class CassandraSinkMetrics {

    static final String ROWS_WRITTEN = "cassandraRowsWritten";
    static final String BATCHES_WRITTEN = "cassandraBatchesWritten";
    static final String BATCH_ROWS = "cassandraBatchRows";
    static final String BATCH_DURATION = "cassandraBatchDurationMillis";
    static final String FLUSH_DURATION = "cassandraFlushDurationMillis";
    static final String IN_FLIGHT_REQUESTS = "cassandraInFlightRequests";
    static final String RETRIES = "cassandraWriteRetries";
    static final String FAILURES = "cassandraWriteFailures";

    // Enough samples for stable percentiles, small enough to cost nothing per writer.
    private static final int HISTOGRAM_WINDOW = 1_000;

    private final Counter rowsWritten;
    private final Counter batchesWritten;
    private final Histogram batchRows;
    private final Histogram batchDuration;
    private final Histogram flushDuration;
    private final Counter retries;
    private final Counter failures;

    CassandraSinkMetrics(MetricGroup group, IntSupplier inFlightRequests) {
        rowsWritten = group.counter(ROWS_WRITTEN, new ThreadSafeSimpleCounter());
        batchesWritten = group.counter(BATCHES_WRITTEN, new ThreadSafeSimpleCounter());
        batchRows = group.histogram(BATCH_ROWS, newHistogram());
        batchDuration = group.histogram(BATCH_DURATION, newHistogram());
        flushDuration = group.histogram(FLUSH_DURATION, newHistogram());
        retries = group.counter(RETRIES, new ThreadSafeSimpleCounter());
        failures = group.counter(FAILURES, new ThreadSafeSimpleCounter());
        Gauge<Integer> inFlight = inFlightRequests::getAsInt;
        group.gauge(IN_FLIGHT_REQUESTS, inFlight);
    }

    private static Histogram newHistogram() {
        return new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW);
    }

    /** One partition batch acknowledged, {@code startNanos} being when its first attempt began. */
    void batchWritten(int rows, long startNanos) {
        rowsWritten.inc(rows);
        batchesWritten.inc();
        batchRows.update(rows);
        batchDuration.update(millisSince(startNanos));
    }

    /** One write request (every partition batch of a flush) finished, written or failed. */
    void requestFinished(long startNanos) {
        flushDuration.update(millisSince(startNanos));
    }

    void retried() {
        retries.inc();
    }

    void failed() {
        failures.inc();
    }

    long rowsWritten() {
        return rowsWritten.getCount();
    }

    long retries() {
        return retries.getCount();
    }

    long failures() {
        return failures.getCount();
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
