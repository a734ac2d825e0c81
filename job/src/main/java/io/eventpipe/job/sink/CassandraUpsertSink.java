package io.eventpipe.job.sink;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.connector.base.sink.writer.strategy.AIMDScalingStrategy;
import org.apache.flink.connector.base.sink.writer.strategy.CongestionControlRateLimitingStrategy;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A Flink sink that upserts rows into one Cassandra table in batches, and whose flush joins each
 * checkpoint, so Kafka offsets are committed only once the rows derived from them are in Cassandra.
 *
 * <p>Usage: {@code stream.sinkTo(new CassandraUpsertSink<>(config, new
 * WindowStatsUpsert())).uid(...).name(...)}. Rows are buffered per writer and sent when {@link
 * CassandraSinkConfig#maxBatchRows()} rows are waiting, when the oldest has waited {@link
 * CassandraSinkConfig#flushInterval()}, and at every checkpoint. Each request is split into one
 * UNLOGGED batch per Cassandra partition. At most {@link CassandraSinkConfig#maxInFlightRequests()}
 * requests per writer are in flight; beyond that the writer blocks and Flink backpressures the job.
 *
 * <p>Delivery: at-least-once writes. A checkpoint waits until every row it covers is acknowledged;
 * after a failure the job rewrites rows from its last checkpoint. Because every {@link
 * UpsertStatement} writes absolute values, the rewritten rows are identical, so the table ends
 * exactly as if each row had been written once.
 *
 * <p>Failure modes and what an operator does:
 *
 * <ul>
 *   <li><b>Cassandra down, overloaded or slow</b> (no host available, timeouts, unavailable
 *       replicas): writes are retried with exponential backoff, metric {@code
 *       cassandraWriteRetries} rises, checkpoints do not complete and offsets are not committed. If
 *       it lasts longer than the retries ({@link CassandraSinkConfig#worstCaseRetryTime()}), the
 *       job fails and restarts from its last checkpoint under its restart strategy. Fix the
 *       cluster; the job catches up on its own. Raise {@code maxRetries} to ride out longer outages
 *       without restarts.
 *   <li><b>A write Cassandra rejects</b> (invalid query, missing table or column, unauthorized):
 *       the job fails at once with a {@link CassandraWriteException} naming the table and the
 *       cause, and keeps failing after each restart. Fix the schema (schema.cql), the grants or the
 *       keyspace option, then let it restart; no row is lost because offsets were not committed.
 *   <li><b>A row larger than 1 MiB</b> (estimated): the job fails with the row size; lower the
 *       number of top keys.
 *   <li><b>A request unanswered past every retry</b> (a hung connection): the request times out,
 *       failing the job as above.
 * </ul>
 *
 * @param <T> the row type
 */
public class CassandraUpsertSink<T> extends AsyncSinkBase<T, UpsertRow> {

    private static final long serialVersionUID = 1L;

    // Far below Cassandra's 16 MiB frame and mutation limits, whatever the partition mix.
    static final long MAX_REQUEST_BYTES = 8L * 1024 * 1024;
    static final long MAX_ROW_BYTES = 1024L * 1024;

    // Per attempt the driver can wait this long for a reply (its default read timeout).
    private static final Duration DRIVER_READ_TIMEOUT = Duration.ofSeconds(12);

    private final CassandraSinkConfig config;
    private final UpsertStatement<T> statement;
    private final CassandraWriteClientFactory clientFactory;

    public CassandraUpsertSink(CassandraSinkConfig config, UpsertStatement<T> statement) {
        this(config, statement, DriverWriteClient::connect);
    }

    CassandraUpsertSink(
            CassandraSinkConfig config,
            UpsertStatement<T> statement,
            CassandraWriteClientFactory clientFactory) {
        super(
                converter(statement),
                config.maxBatchRows(),
                config.maxInFlightRequests(),
                maxBufferedRows(config),
                MAX_REQUEST_BYTES,
                config.flushInterval().toMillis(),
                MAX_ROW_BYTES,
                requestTimeout(config).toMillis(),
                true);
        this.config = config;
        this.statement = statement;
        this.clientFactory = clientFactory;
    }

    private static <T> ElementConverter<T, UpsertRow> converter(UpsertStatement<T> statement) {
        return new UpsertRowConverter<>(statement);
    }

    // Room for a full batch per in-flight request plus one being filled: the writer blocks
    // (backpressure) only when Cassandra cannot keep up.
    private static int maxBufferedRows(CassandraSinkConfig config) {
        return config.maxBatchRows() * (config.maxInFlightRequests() + 1);
    }

    // A request ends by itself after its last retry; this timeout only catches a request the
    // driver never answers, so it leaves room for every attempt and backoff.
    static Duration requestTimeout(CassandraSinkConfig config) {
        return config.worstCaseRetryTime()
                .plus(DRIVER_READ_TIMEOUT.multipliedBy(config.maxRetries() + 1L))
                .plus(Duration.ofMinutes(1));
    }

    @Override
    public CassandraUpsertWriter<T> createWriter(InitContext context) {
        return restoreWriter(context, List.of());
    }

    @Override
    public CassandraUpsertWriter<T> restoreWriter(
            InitContext context, Collection<BufferedRequestState<UpsertRow>> recoveredState) {
        return new CassandraUpsertWriter<>(
                getElementConverter(),
                context,
                writerConfiguration(),
                recoveredState,
                config,
                statement.table(),
                clientFactory.create(config, statement));
    }

    private AsyncSinkWriterConfiguration writerConfiguration() {
        int maxRowsInFlight = getMaxBatchSize() * getMaxInFlightRequests();
        return AsyncSinkWriterConfiguration.builder()
                .setMaxBatchSize(getMaxBatchSize())
                .setMaxBatchSizeInBytes(getMaxBatchSizeInBytes())
                .setMaxInFlightRequests(getMaxInFlightRequests())
                .setMaxBufferedRequests(getMaxBufferedRequests())
                .setMaxTimeInBufferMS(getMaxTimeInBufferMS())
                .setMaxRecordSizeInBytes(getMaxRecordSizeInBytes())
                .setRequestTimeoutMS(getRequestTimeoutMS())
                .setFailOnTimeout(getFailOnTimeout())
                .setRateLimitingStrategy(fixedRateLimit(maxRowsInFlight))
                .build();
    }

    // The default strategy starts with one batch in flight and grows slowly; retries happen
    // inside a request here, so the limit can be the configured one from the start.
    private CongestionControlRateLimitingStrategy fixedRateLimit(int maxRowsInFlight) {
        return CongestionControlRateLimitingStrategy.builder()
                .setMaxInFlightRequests(getMaxInFlightRequests())
                .setInitialMaxInFlightMessages(maxRowsInFlight)
                .setScalingStrategy(AIMDScalingStrategy.builder(maxRowsInFlight).build())
                .build();
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<UpsertRow>> getWriterStateSerializer() {
        return new UpsertRowStateSerializer();
    }
}
