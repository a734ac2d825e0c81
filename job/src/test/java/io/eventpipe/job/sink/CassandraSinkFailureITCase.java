package io.eventpipe.job.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import io.eventpipe.job.config.JobCommandLine;
import io.eventpipe.job.config.JobOptions;
import io.eventpipe.job.sink.AnalyticsRows.SentEvent;
import io.eventpipe.job.testing.CassandraRows;
import io.eventpipe.job.testing.CassandraRows.TotalsRow;
import io.eventpipe.job.testing.CassandraRows.WindowRow;
import io.eventpipe.job.testing.DeadLetterTopics;
import io.eventpipe.job.testing.GeneratedEvents;
import io.eventpipe.job.testing.GeneratedEvents.Produced;
import io.eventpipe.local.CassandraServer;
import io.eventpipe.local.KafkaServer;
import io.eventpipe.local.junit.LocalServersExtension;
import io.eventpipe.local.junit.TestNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery guarantee of the Cassandra sink, end to end: the whole job on a MiniCluster reads a
 * real Kafka topic of two partitions and writes a real Cassandra.
 *
 * <p>Expected rows are computed from the generated events alone. Events are sent in two phases;
 * within each partition they are out of order by less than the watermark bound, so none is late.
 */
@ExtendWith(LocalServersExtension.class)
class CassandraSinkFailureITCase {

    private static final long WINDOW_MILLIS = 10_000;
    private static final long OUT_OF_ORDERNESS_MILLIS = 5_000;
    private static final long START = 1_764_772_800_000L;
    private static final Duration CATCH_UP = Duration.ofMinutes(4);

    private final KafkaServer kafka;
    private final CassandraServer cassandra;
    private final List<SentEvent> sent = new ArrayList<>();
    private EventTopic topic;
    private String group;
    private String keyspace;
    private JobOptions options;
    private JobOnMiniCluster flink;

    CassandraSinkFailureITCase(KafkaServer kafka, CassandraServer cassandra) {
        this.kafka = kafka;
        this.cassandra = cassandra;
    }

    @BeforeEach
    void startCluster(@TempDir Path checkpoints) throws Exception {
        String topicName = TestNames.uniqueTopic("sink-events");
        DeadLetterTopics.create(kafka, topicName + "-dlq");
        topic = new EventTopic(kafka, topicName, 2);
        group = "group-" + topicName;
        keyspace = TestNames.uniqueKeyspace("sink_failure");
        options = jobOptions(topicName);
        flink = new JobOnMiniCluster(checkpoints);
    }

    @AfterEach
    void stopCluster() throws Exception {
        try {
            if (flink != null) {
                flink.close();
            }
        } finally {
            topic.close();
        }
    }

    @Test
    @Timeout(900)
    void checkpointsWaitForCassandraAndTheJobCatchesUpExactly() throws Exception {
        JobID job = flink.submit(options, null);
        send(new GeneratedEvents(7).valid(300, START, 3 * WINDOW_MILLIS, 4_000, 0));
        awaitTablesAndOffsetsMatchEverythingSent();

        cassandra.stop();
        try {
            long failedBefore = flink.checkpointCounts(job).getNumberOfFailedCheckpoints();
            send(
                    new GeneratedEvents(8)
                            .valid(300, START + 3 * WINDOW_MILLIS, 3 * WINDOW_MILLIS, 4_000, 0));

            // From the first checkpoint the stalled sink holds up, none completes and no offset
            // is committed, however many are attempted.
            await().atMost(CATCH_UP).until(() -> failedCheckpoints(job) > failedBefore);
            long completedWhileDown = flink.checkpointCounts(job).getNumberOfCompletedCheckpoints();
            Map<Integer, Long> committedWhileDown = topic.committedOffsets(group);
            long failedThen = failedCheckpoints(job);
            await().atMost(CATCH_UP).until(() -> failedCheckpoints(job) >= failedThen + 2);

            assertThat(flink.checkpointCounts(job).getNumberOfCompletedCheckpoints())
                    .isEqualTo(completedWhileDown);
            assertThat(topic.committedOffsets(group)).isEqualTo(committedWhileDown);
        } finally {
            cassandra.start();
        }

        awaitTablesAndOffsetsMatchEverythingSent();
        assertThat(flink.status(job)).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    @Timeout(900)
    void jobKilledMidStreamAndRestoredFromItsLastCheckpointEndsWithExactRows() throws Exception {
        JobID first = flink.submit(options, null);
        send(new GeneratedEvents(11).valid(300, START, 3 * WINDOW_MILLIS, 4_000, 0));
        awaitTablesAndOffsetsMatchEverythingSent();

        long completed = flink.checkpointCounts(first).getNumberOfCompletedCheckpoints();
        send(
                new GeneratedEvents(12)
                        .valid(600, START + 3 * WINDOW_MILLIS, 6 * WINDOW_MILLIS, 4_000, 0));
        // Kill it soon after the second phase arrives, while its rows are still being written.
        await().atMost(CATCH_UP)
                .until(
                        () ->
                                flink.checkpointCounts(first).getNumberOfCompletedCheckpoints()
                                        > completed);
        flink.cancel(first);
        await().atMost(CATCH_UP).until(() -> flink.status(first) == JobStatus.CANCELED);

        JobID second = flink.submit(options, flink.latestCheckpointPath(first));
        // Flink does not checkpoint watermarks: the restored job starts without one, and windows
        // whose end it passed before the kill get their final row only once every partition has
        // new events (or is idle). A live stream keeps flowing; so does this one.
        send(
                new GeneratedEvents(13)
                        .valid(100, START + 9 * WINDOW_MILLIS, 2 * WINDOW_MILLIS, 4_000, 0));
        awaitTablesAndOffsetsMatchEverythingSent();
        assertThat(flink.status(second)).isEqualTo(JobStatus.RUNNING);
    }

    private JobOptions jobOptions(String topicName) {
        return JobCommandLine.parse(
                new String[] {
                    "--bootstrap-servers",
                    kafka.bootstrapServers(),
                    "--topic",
                    topicName,
                    "--dlq-topic",
                    topicName + "-dlq",
                    "--group-id",
                    group,
                    "--window-size",
                    WINDOW_MILLIS + "ms",
                    "--max-out-of-orderness",
                    OUT_OF_ORDERNESS_MILLIS + "ms",
                    // Every partition gets events in each phase; idleness between phases must
                    // not let one partition's watermark run ahead and make the other's late.
                    "--idle-timeout",
                    "1h",
                    "--provisional-interval",
                    "1s",
                    // More than the 30 distinct pages of the generator: every key is kept.
                    "--top-k",
                    "50",
                    "--checkpoint-interval",
                    "1s",
                    "--cassandra-hosts",
                    cassandra.host(),
                    "--cassandra-port",
                    Integer.toString(cassandra.cqlPort()),
                    "--cassandra-datacenter",
                    cassandra.localDatacenter(),
                    "--keyspace",
                    keyspace,
                    "--sink-consistency",
                    "ONE",
                    // Enough to retry through the whole outage rather than restart the job.
                    "--sink-max-retries",
                    "1000"
                },
                Map.of());
    }

    private void send(GeneratedEvents events) throws Exception {
        List<Produced> records = events.records();
        List<Integer> partitions = topic.send(records.stream().map(Produced::value).toList());
        for (int i = 0; i < records.size(); i++) {
            sent.add(new SentEvent(records.get(i).event(), partitions.get(i)));
        }
    }

    private long failedCheckpoints(JobID job) throws Exception {
        return flink.checkpointCounts(job).getNumberOfFailedCheckpoints();
    }

    private void awaitTablesAndOffsetsMatchEverythingSent() {
        List<WindowRow> windows =
                AnalyticsRows.expectedWindows(sent, WINDOW_MILLIS, OUT_OF_ORDERNESS_MILLIS);
        List<TotalsRow> totals = AnalyticsRows.expectedTotals(sent);
        try (CqlSession session = cassandra.session()) {
            CassandraRows rows = new CassandraRows(session, keyspace);
            await().atMost(CATCH_UP)
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .untilAsserted(
                            () -> {
                                assertThat(rows.windowRows())
                                        .containsExactlyInAnyOrderElementsOf(windows);
                                assertThat(rows.totalsRows())
                                        .containsExactlyInAnyOrderElementsOf(totals);
                                assertThat(topic.committedOffsets(group))
                                        .isEqualTo(topic.endOffsets());
                            });
        }
    }
}
