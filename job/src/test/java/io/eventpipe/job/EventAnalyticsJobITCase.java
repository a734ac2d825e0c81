package io.eventpipe.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import io.eventpipe.job.config.JobCommandLine;
import io.eventpipe.job.config.JobOptions;
import io.eventpipe.job.model.KeyCount;
import io.eventpipe.job.testing.CassandraRows;
import io.eventpipe.job.testing.CassandraRows.TotalsRow;
import io.eventpipe.job.testing.CassandraRows.WindowRow;
import io.eventpipe.job.testing.DeadLetterTopics;
import io.eventpipe.job.testing.ExpectedAnalytics;
import io.eventpipe.job.testing.ExpectedAnalytics.Figures;
import io.eventpipe.job.testing.ExpectedAnalytics.WindowKey;
import io.eventpipe.job.testing.GeneratedEvents;
import io.eventpipe.job.testing.GeneratedEvents.GeneratedEvent;
import io.eventpipe.job.testing.GeneratedEvents.Produced;
import io.eventpipe.job.testing.KafkaTestClient;
import io.eventpipe.job.testing.KafkaTestClient.ReadRecord;
import io.eventpipe.job.testing.TwoSlotMiniCluster;
import io.eventpipe.local.CassandraServer;
import io.eventpipe.local.KafkaServer;
import io.eventpipe.local.junit.LocalServersExtension;
import io.eventpipe.local.junit.TestNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole job, Kafka source to Cassandra rows and dead-letter topic, on a MiniCluster at
 * parallelism 2 over a 4-partition topic on the real local Kafka and Cassandra.
 *
 * <p>Input goes in three phases so that lateness is certain rather than timing-dependent: once
 * window 2 is final in Cassandra, the watermark has passed the allowed lateness of windows 0 and 1
 * (their events are then late for sure) but not of window 2 (its events are then late-but-allowed
 * for sure). Everything expected is computed from the generated records.
 */
@ExtendWith(LocalServersExtension.class)
class EventAnalyticsJobITCase {

    private static final long WINDOW = 10_000;
    private static final long START = 1_764_772_800_000L;
    private static final int PARTITIONS = 4;
    private static final int TOP_K = 3;
    private static final int MAX_EVENT_BYTES = 2048;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = TwoSlotMiniCluster.extension();

    @Test
    void missingTopicStopsStartUpNamingTheOption(KafkaServer kafka, CassandraServer cassandra) {
        String deadLetterTopic = TestNames.uniqueTopic("events-dlq");
        DeadLetterTopics.create(kafka, deadLetterTopic);
        String missing = TestNames.uniqueTopic("never-created");
        JobOptions options =
                options(
                        kafka,
                        cassandra,
                        missing,
                        deadLetterTopic,
                        TestNames.uniqueKeyspace("job_it"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        assertThatThrownBy(() -> EventAnalyticsJob.addToEnvironment(env, options))
                .hasMessageContaining("'" + missing + "' (--topic) does not exist");
    }

    @Test
    void rowsInCassandraAndDeadLettersMatchTheGeneratedInput(
            KafkaServer kafka, CassandraServer cassandra) throws Exception {
        String topic = TestNames.uniqueTopic("events");
        String deadLetterTopic = TestNames.uniqueTopic("events-dlq");
        String keyspace = TestNames.uniqueKeyspace("job_it");
        kafka.createTopic(topic, PARTITIONS);
        DeadLetterTopics.create(kafka, deadLetterTopic);
        JobOptions options = options(kafka, cassandra, topic, deadLetterTopic, keyspace);
        KafkaTestClient kafkaClient = new KafkaTestClient(kafka.bootstrapServers());

        List<Produced> onTime =
                new GeneratedEvents(1)
                        .valid(800, START, 4 * WINDOW, 1_500, 11)
                        .malformed(START + 5_000, MAX_EVENT_BYTES)
                        .records();
        List<Produced> tooLate =
                new GeneratedEvents(2).valid(20, START, 2 * WINDOW, 0, 0).records();
        List<Produced> lateButAllowed =
                new GeneratedEvents(3).valid(20, START + 2 * WINDOW, WINDOW, 0, 0).records();
        List<Produced> closing =
                new GeneratedEvents(4)
                        .valid(400, START + 4 * WINDOW, 2 * WINDOW, 1_500, 0)
                        .malformed(START + 45_000, MAX_EVENT_BYTES)
                        .records();

        List<Produced> all = concat(onTime, tooLate, lateButAllowed, closing);
        List<GeneratedEvent> counted = events(concat(onTime, lateButAllowed, closing));
        List<String> expectedReasons =
                Stream.concat(
                                all.stream().map(Produced::invalidReason).filter(Objects::nonNull),
                                tooLate.stream().map(late -> "late"))
                        .toList();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.configure(env, options);
        EventAnalyticsJob.addToEnvironment(env, options);
        JobClient job = env.executeAsync("event-analytics-it");
        List<ReadRecord> deadLetters;
        try (CqlSession session = cassandra.session()) {
            CassandraRows rows = new CassandraRows(session, keyspace);

            // Phase 1: windows 0 to 3 on time; wait until window 2 is final for every type.
            kafkaClient.produceRoundRobin(topic, PARTITIONS, values(onTime));
            await().atMost(PATIENCE)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> windowIsFinalForEveryType(rows, START + 2 * WINDOW));

            // Phase 2: events of windows 0-1 (past their lateness) and window 2 (within it).
            kafkaClient.produceRoundRobin(
                    topic, PARTITIONS, values(concat(tooLate, lateButAllowed)));

            // Phase 3: windows 4 and 5 move the watermark on; window 5 stays provisional.
            kafkaClient.produceRoundRobin(topic, PARTITIONS, values(closing));

            Map<WindowKey, Figures> expectedWindows = ExpectedAnalytics.perWindow(counted, WINDOW);
            Map<String, Figures> expectedTotals = ExpectedAnalytics.perType(counted);
            await().atMost(PATIENCE)
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(
                            () -> {
                                assertWindows(rows.windows(), expectedWindows);
                                assertTotals(rows.totals(), expectedTotals);
                            });
            deadLetters =
                    await().atMost(PATIENCE)
                            .pollInterval(Duration.ofSeconds(2))
                            .until(
                                    () ->
                                            kafkaClient.readAll(
                                                    deadLetterTopic, Duration.ofSeconds(5)),
                                    letters -> letters.size() >= expectedReasons.size());
        } finally {
            job.cancel().get();
        }

        assertDeadLetters(deadLetters, all, tooLate, topic);
        assertThat(deadLetters)
                .extracting(letter -> letter.headers().get("dlq.reason"))
                .containsExactlyInAnyOrderElementsOf(expectedReasons);
        assertThat(counted.size() + deadLetters.size()).isEqualTo(all.size());
    }

    private static JobOptions options(
            KafkaServer kafka,
            CassandraServer cassandra,
            String topic,
            String deadLetterTopic,
            String keyspace) {
        String[] args = {
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--topic",
            topic,
            "--group-id",
            topic + "-job",
            "--dlq-topic",
            deadLetterTopic,
            "--cassandra-hosts",
            cassandra.host(),
            "--cassandra-port",
            Integer.toString(cassandra.cqlPort()),
            "--cassandra-datacenter",
            cassandra.localDatacenter(),
            "--keyspace",
            keyspace,
            "--window-size",
            "10s",
            "--allowed-lateness",
            "10s",
            "--max-out-of-orderness",
            "2s",
            "--provisional-interval",
            "1s",
            "--checkpoint-interval",
            "2s",
            "--top-k",
            Integer.toString(TOP_K),
            "--max-event-bytes",
            Integer.toString(MAX_EVENT_BYTES),
            "--parallelism",
            "2",
        };
        return JobCommandLine.parse(args, Map.of());
    }

    private static boolean windowIsFinalForEveryType(CassandraRows rows, long windowStart) {
        if (!rows.hasTable("window_stats")) {
            return false;
        }
        Map<WindowKey, WindowRow> windows = rows.windows();
        return GeneratedEvents.TYPES.stream()
                .map(type -> windows.get(new WindowKey(type, windowStart)))
                .allMatch(row -> row != null && row.isFinal());
    }

    // Soft assertions, so that a mismatch lists every differing row rather than the first.
    private static void assertWindows(
            Map<WindowKey, WindowRow> stored, Map<WindowKey, Figures> expected) {
        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        long lastWindowStart = START + 5 * WINDOW;
        SoftAssertions softly = new SoftAssertions();
        expected.forEach(
                (key, figures) -> {
                    WindowRow row = stored.get(key);
                    softly.assertThat(row.events())
                            .as("events of %s", key)
                            .isEqualTo(figures.events());
                    softly.assertThat(row.windowEnd()).isEqualTo(key.windowStart() + WINDOW);
                    softly.assertThat(row.firstEvent())
                            .as("first of %s", key)
                            .isEqualTo(figures.firstEvent());
                    softly.assertThat(row.lastEvent())
                            .as("last of %s", key)
                            .isEqualTo(figures.lastEvent());
                    softly.assertThat(row.topKeys())
                            .as("top keys of %s", key)
                            .isEqualTo(asMap(figures.topKeys(TOP_K)));
                    softly.assertThat(row.uniqueUsers())
                            .as("unique users of %s", key)
                            .isCloseTo(figures.users().size(), Percentage.withPercentage(3));
                    softly.assertThat(row.isFinal())
                            .as("final %s", key)
                            .isEqualTo(key.windowStart() < lastWindowStart);
                });
        softly.assertAll();
    }

    private static void assertTotals(Map<String, TotalsRow> stored, Map<String, Figures> expected) {
        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        SoftAssertions softly = new SoftAssertions();
        expected.forEach(
                (type, figures) -> {
                    TotalsRow row = stored.get(type);
                    softly.assertThat(row.events())
                            .as("events of %s", type)
                            .isEqualTo(figures.events());
                    softly.assertThat(row.firstEvent())
                            .as("first of %s", type)
                            .isEqualTo(figures.firstEvent());
                    softly.assertThat(row.lastEvent())
                            .as("last of %s", type)
                            .isEqualTo(figures.lastEvent());
                    softly.assertThat(row.uniqueUsers())
                            .as("unique users of %s", type)
                            .isCloseTo(figures.users().size(), Percentage.withPercentage(3));
                });
        softly.assertAll();
    }

    private static void assertDeadLetters(
            List<ReadRecord> deadLetters,
            List<Produced> all,
            List<Produced> tooLate,
            String topic) {
        List<String> producedTexts = all.stream().map(Produced::text).toList();
        for (ReadRecord letter : deadLetters) {
            String text = new String(letter.value(), StandardCharsets.UTF_8);
            assertThat(producedTexts)
                    .as("a dead letter's value is an original record")
                    .contains(text);
            assertThat(letter.headers().get("dlq.source.topic")).isEqualTo(topic);
            assertThat(Integer.parseInt(letter.headers().get("dlq.source.partition")))
                    .isBetween(0, PARTITIONS - 1);
            assertThat(Long.parseLong(letter.headers().get("dlq.source.offset"))).isNotNegative();
        }
        List<String> lateTexts = tooLate.stream().map(Produced::text).toList();
        assertThat(deadLetters)
                .filteredOn(letter -> "late".equals(letter.headers().get("dlq.reason")))
                .extracting(letter -> new String(letter.value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrderElementsOf(lateTexts);
    }

    private static Map<String, Long> asMap(List<KeyCount> keys) {
        return keys.stream().collect(Collectors.toMap(KeyCount::key, KeyCount::count));
    }

    private static List<GeneratedEvent> events(List<Produced> records) {
        return records.stream().map(Produced::event).filter(Objects::nonNull).toList();
    }

    private static List<byte[]> values(List<Produced> records) {
        return records.stream().map(Produced::value).toList();
    }

    @SafeVarargs
    private static List<Produced> concat(List<Produced>... parts) {
        List<Produced> all = new ArrayList<>();
        for (List<Produced> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
