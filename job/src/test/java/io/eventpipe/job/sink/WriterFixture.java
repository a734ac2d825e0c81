package io.eventpipe.job.sink;

import io.eventpipe.job.model.TypeTotals;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.TestSinkInitContextAnyThreadMailbox;

/**
 * A {@link CassandraUpsertWriter} of {@link TypeTotals} over a {@link FakeWriteClient}, with
 * Flink's test init context (a mailbox usable from any thread, a manual processing-time clock).
 */
final class WriterFixture implements AutoCloseable {

    final FakeWriteClient client = new FakeWriteClient();
    final TestSinkInitContextAnyThreadMailbox context = new TestSinkInitContextAnyThreadMailbox();
    final CassandraUpsertWriter<TypeTotals> writer;

    WriterFixture(CassandraSinkConfig config) throws Exception {
        CassandraUpsertSink<TypeTotals> sink =
                new CassandraUpsertSink<>(config, new TypeTotalsUpsert(), (c, s) -> client);
        writer = (CassandraUpsertWriter<TypeTotals>) sink.createWriter(context);
    }

    /** A config with fast retries; {@code maxBatchRows} and the interval vary per test. */
    static CassandraSinkConfig.Builder config(int maxBatchRows, Duration flushInterval) {
        return CassandraSinkConfig.builder()
                .keyspace("analytics")
                .maxBatchRows(maxBatchRows)
                .flushInterval(flushInterval)
                .maxInFlightRequests(4)
                .maxRetries(3)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
    }

    /** A row of partition {@code eventType}; {@code events} identifies it in assertions. */
    static TypeTotals row(String eventType, long events) {
        return new TypeTotals(eventType, events, 1, null, 1_000, 2_000, 3_000);
    }

    void write(TypeTotals row) throws Exception {
        writer.write(row, NO_CONTEXT);
    }

    /** Advances the writer's processing-time clock, firing due flush timers. */
    void advanceClock(Duration by) throws Exception {
        long now = context.getTestProcessingTimeService().getCurrentProcessingTime();
        context.getTestProcessingTimeService().setCurrentTime(now + by.toMillis());
    }

    /** The {@code events} column (our row id) of each row, in order. */
    static List<Long> ids(List<UpsertRow> rows) {
        return rows.stream().map(row -> (Long) row.values().get(1)).collect(Collectors.toList());
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (CassandraWriteException expectedInFailureTests) {
            // Tests that fail writes assert on this exception themselves.
        }
    }

    private static final SinkWriter.Context NO_CONTEXT =
            new SinkWriter.Context() {
                @Override
                public long currentWatermark() {
                    return Long.MIN_VALUE;
                }

                @Override
                public Long timestamp() {
                    return null;
                }
            };
}
