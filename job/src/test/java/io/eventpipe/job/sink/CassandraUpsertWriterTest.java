package io.eventpipe.job.sink;

import static io.eventpipe.job.sink.WriterFixture.config;
import static io.eventpipe.job.sink.WriterFixture.ids;
import static io.eventpipe.job.sink.WriterFixture.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.datastax.driver.core.exceptions.InvalidQueryException;
import com.datastax.driver.core.exceptions.NoHostAvailableException;
import com.datastax.driver.core.exceptions.OperationTimedOutException;
import com.datastax.driver.core.exceptions.OverloadedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CassandraUpsertWriterTest {

    private static final Duration LONG_INTERVAL = Duration.ofHours(1);

    @Test
    void fullBatchIsSentWithoutWaitingForTheInterval() throws Exception {
        try (WriterFixture fixture = new WriterFixture(config(3, LONG_INTERVAL).build())) {
            fixture.write(row("click", 1));
            fixture.write(row("click", 2));
            assertThat(fixture.writer.inFlightRequests()).isZero();

            fixture.write(row("click", 3));

            await().atMost(10, TimeUnit.SECONDS)
                    .untilAsserted(
                            () ->
                                    assertThat(ids(fixture.client.acknowledgedRows()))
                                            .containsExactly(1L, 2L, 3L));
        }
    }

    @Test
    void partialBatchIsSentOnceTheFlushIntervalHasPassed() throws Exception {
        Duration interval = Duration.ofSeconds(5);
        try (WriterFixture fixture = new WriterFixture(config(100, interval).build())) {
            fixture.write(row("click", 1));
            fixture.write(row("search", 2));
            fixture.advanceClock(interval.minusMillis(1));
            assertThat(fixture.writer.inFlightRequests()).isZero();
            assertThat(fixture.client.attempts()).isEmpty();

            fixture.advanceClock(Duration.ofMillis(1));

            await().atMost(10, TimeUnit.SECONDS)
                    .untilAsserted(
                            () ->
                                    assertThat(ids(fixture.client.acknowledgedRows()))
                                            .containsExactlyInAnyOrder(1L, 2L));
        }
    }

    @Test
    void checkpointReturnsOnlyAfterEveryRowIsAcknowledged() throws Exception {
        try (WriterFixture fixture = new WriterFixture(config(100, LONG_INTERVAL).build())) {
            fixture.client.holdWrites(true);
            fixture.write(row("click", 1));
            fixture.write(row("click", 2));

            // What Flink calls before the checkpoint barrier; records what was acknowledged
            // at the moment it returned.
            CompletableFuture<List<UpsertRow>> checkpoint =
                    CompletableFuture.supplyAsync(
                            () -> {
                                flushQuietly(fixture);
                                return fixture.client.acknowledgedRows();
                            });
            fixture.client.acknowledge(fixture.client.nextHeldWrite());

            assertThat(ids(checkpoint.get(10, TimeUnit.SECONDS))).containsExactly(1L, 2L);
            assertThat(fixture.writer.snapshotState(1).get(0).getBufferedRequestEntries())
                    .isEmpty();
        }
    }

    @Test
    void rowsOfDifferentPartitionsNeverShareABatch() throws Exception {
        try (WriterFixture fixture = new WriterFixture(config(9, LONG_INTERVAL).build())) {
            List<String> types = List.of("click", "search", "purchase");
            for (long id = 0; id < 9; id++) {
                fixture.write(row(types.get((int) (id % 3)), id));
            }
            fixture.writer.flush(false);

            List<List<UpsertRow>> batches = fixture.client.attempts();
            assertThat(batches).hasSize(3);
            for (List<UpsertRow> batch : batches) {
                assertThat(batch.stream().map(UpsertRow::partitionKey).distinct()).hasSize(1);
            }
            assertThat(ids(fixture.client.acknowledgedRows()))
                    .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 9).boxed().toList());
        }
    }

    @Test
    void inFlightRequestsStayBoundedWhileCassandraIsSlow() throws Exception {
        int maxInFlight = 2;
        int rows = 40;
        CassandraSinkConfig config =
                config(2, LONG_INTERVAL).maxInFlightRequests(maxInFlight).build();
        try (WriterFixture fixture = new WriterFixture(config)) {
            fixture.client.holdWrites(true);
            CompletableFuture<Void> producer =
                    CompletableFuture.runAsync(() -> writeAndFlushQuietly(fixture, rows));

            // Acknowledge one write at a time, as a slow Cassandra would: the producer blocks
            // (backpressure) rather than sending more than the bound.
            int acknowledgedRows = 0;
            while (acknowledgedRows < rows) {
                FakeWriteClient.HeldWrite write = fixture.client.nextHeldWrite();
                assertThat(fixture.writer.inFlightRequests()).isLessThanOrEqualTo(maxInFlight);
                fixture.client.acknowledge(write);
                acknowledgedRows += write.rows().size();
            }
            producer.get(10, TimeUnit.SECONDS);

            assertThat(fixture.client.maxOutstanding()).isEqualTo(maxInFlight);
            assertThat(fixture.client.acknowledgedRows()).hasSize(rows);
        }
    }

    @Test
    void transientFailuresAreRetriedUntilTheRowsAreWritten() throws Exception {
        try (WriterFixture fixture = new WriterFixture(config(2, LONG_INTERVAL).build())) {
            fixture.client.failNextAttempts(
                    new NoHostAvailableException(Map.of()),
                    new OperationTimedOutException(null, "no reply"),
                    new OverloadedException(null, "busy"));
            fixture.write(row("click", 1));
            fixture.write(row("click", 2));
            fixture.writer.flush(false);

            assertThat(fixture.client.attempts()).hasSize(4);
            assertThat(ids(fixture.client.acknowledgedRows())).containsExactly(1L, 2L);
            assertThat(fixture.writer.metrics().retries()).isEqualTo(3);
            assertThat(fixture.writer.metrics().rowsWritten()).isEqualTo(2);
        }
    }

    @Test
    void rejectedWriteIsNotRetriedAndFailsTheNextWrite() throws Exception {
        try (WriterFixture fixture = new WriterFixture(config(1, LONG_INTERVAL).build())) {
            fixture.client.failEveryAttempt(new InvalidQueryException("unconfigured table"));
            fixture.write(row("click", 1));
            await().atMost(10, TimeUnit.SECONDS)
                    .until(() -> fixture.writer.metrics().failures() == 1);

            assertThatThrownBy(() -> fixture.write(row("click", 2)))
                    .isInstanceOf(CassandraWriteException.class)
                    .hasMessageContaining("analytics.type_totals")
                    .hasMessageContaining("unconfigured table")
                    .hasCauseInstanceOf(InvalidQueryException.class);
            assertThat(fixture.client.attempts()).hasSize(1);
        }
    }

    @Test
    void exhaustedRetriesFailTheCheckpointAndTheClose() throws Exception {
        try (WriterFixture fixture = new WriterFixture(config(1, LONG_INTERVAL).build())) {
            fixture.client.failEveryAttempt(new NoHostAvailableException(Map.of()));
            fixture.write(row("click", 1));
            await().atMost(10, TimeUnit.SECONDS)
                    .until(() -> fixture.writer.metrics().failures() == 1);

            assertThatThrownBy(() -> fixture.writer.flush(false))
                    .isInstanceOf(CassandraWriteException.class)
                    .hasMessageContaining("analytics.type_totals")
                    .hasCauseInstanceOf(NoHostAvailableException.class);
            assertThatThrownBy(() -> fixture.writer.close())
                    .isInstanceOf(CassandraWriteException.class);
            // The first attempt and maxRetries = 3 retries.
            assertThat(fixture.client.attempts()).hasSize(4);
            assertThat(fixture.client.isClosed()).isTrue();
        }
    }

    @Test
    void bufferedRowsSurviveInTheWriterState() throws Exception {
        try (WriterFixture fixture = new WriterFixture(config(100, LONG_INTERVAL).build())) {
            fixture.write(row("click", 7));
            List<UpsertRow> state =
                    fixture.writer.snapshotState(1).get(0).getBufferedRequestEntries().stream()
                            .map(wrapper -> wrapper.getRequestEntry())
                            .collect(Collectors.toList());

            assertThat(ids(state)).containsExactly(7L);
        }
    }

    private static void flushQuietly(WriterFixture fixture) {
        try {
            fixture.writer.flush(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void writeAndFlushQuietly(WriterFixture fixture, int rows) {
        try {
            for (long id = 0; id < rows; id++) {
                fixture.write(row("click", id));
            }
            fixture.writer.flush(true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
