package io.eventpipe.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eventpipe.job.config.JobCommandLine;
import io.eventpipe.job.config.JobOptions;
import io.eventpipe.job.parsing.DeadLetterSizeLimit;
import io.eventpipe.job.parsing.DeadLetterTooLargeException;
import io.eventpipe.job.parsing.TopicMessageLimits;
import io.eventpipe.job.testing.DeadLetterTopics;
import io.eventpipe.job.testing.KafkaTestClient;
import io.eventpipe.job.testing.KafkaTestClient.ReadRecord;
import io.eventpipe.job.testing.TwoSlotMiniCluster;
import io.eventpipe.local.CassandraServer;
import io.eventpipe.local.KafkaServer;
import io.eventpipe.local.junit.LocalServersExtension;
import io.eventpipe.local.junit.TestNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dead letters at the edges, through the whole job on a MiniCluster against the real local Kafka:
 * an invalid record as large as the events topic accepts, a tombstone and a zero-length value; a
 * dead-letter topic too small for that record, at start-up and after it.
 *
 * <p>The job runs without restarts, so any failure leaves it FAILED rather than hidden in a
 * restart. The largest record is computed from the events topic's real {@code max.message.bytes}.
 */
@ExtendWith(LocalServersExtension.class)
class DeadLetterLimitsITCase {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = TwoSlotMiniCluster.extension();

    @Test
    void largestRecordTombstoneAndEmptyValueReachTheDeadLetterTopicExactlyAndTheJobRuns(
            KafkaServer kafka, CassandraServer cassandra) throws Exception {
        String topic = TestNames.uniqueTopic("events");
        String deadLetterTopic = TestNames.uniqueTopic("events-dlq");
        kafka.createTopic(topic, 2);
        int eventsLimit = maxMessageBytes(kafka, topic);
        // The room the job documents as enough, and no more.
        kafka.createTopic(
                deadLetterTopic,
                1,
                Map.of(
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        Integer.toString(eventsLimit + DeadLetterSizeLimit.HEADER_ROOM_BYTES)));
        JobOptions options = options(kafka, cassandra, topic, deadLetterTopic);
        byte[] largest = largestValue(eventsLimit);
        byte[] tombstoneKey = utf8("user-tombstone");
        byte[] emptyKey = utf8("user-empty");
        KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers());

        JobClient job = start(options);
        List<RecordMetadata> stored;
        List<ReadRecord> letters;
        try {
            stored =
                    client.produce(
                            List.of(
                                    new ProducerRecord<>(topic, 0, null, largest),
                                    new ProducerRecord<>(topic, 1, tombstoneKey, null),
                                    new ProducerRecord<>(topic, 0, emptyKey, new byte[0])),
                            eventsLimit);
            letters =
                    await().atMost(PATIENCE)
                            .pollInterval(Duration.ofSeconds(1))
                            .failFast("the job stopped", () -> hasStopped(job))
                            .until(
                                    () -> client.readAll(deadLetterTopic, Duration.ofSeconds(5)),
                                    read -> read.size() >= 3);
            assertThat(job.getJobStatus().get(30, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }

        String largestReason =
                largest.length > options.fields().maxEventBytes() ? "oversize" : "invalid-json";
        assertThat(largest.length).isGreaterThan(eventsLimit - 200);
        assertThat(letters).hasSize(3);
        assertLetter(byOffset(letters, stored.get(0)), null, largest, largestReason, stored.get(0));
        assertLetter(
                byOffset(letters, stored.get(1)), tombstoneKey, null, "empty-value", stored.get(1));
        assertLetter(
                byOffset(letters, stored.get(2)),
                emptyKey,
                new byte[0],
                "empty-value",
                stored.get(2));
    }

    @Test
    void deadLetterTopicTooSmallForTheEventsTopicStopsStartUpNamingTopicSizesAndCommand(
            KafkaServer kafka, CassandraServer cassandra) {
        String topic = TestNames.uniqueTopic("events");
        String deadLetterTopic = TestNames.uniqueTopic("events-dlq");
        kafka.createTopic(topic, 2);
        // A dead-letter topic as a plain broker gives it: no larger than the events topic.
        kafka.createTopic(deadLetterTopic, 1);
        int eventsLimit = maxMessageBytes(kafka, topic);
        int deadLetterLimit = maxMessageBytes(kafka, deadLetterTopic);
        int needed = eventsLimit + DeadLetterSizeLimit.HEADER_ROOM_BYTES;
        JobOptions options = options(kafka, cassandra, topic, deadLetterTopic);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        assertThat(deadLetterLimit).isLessThan(needed);
        assertThatThrownBy(() -> EventAnalyticsJob.addToEnvironment(env, options))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'" + deadLetterTopic + "' (--dlq-topic) cannot take")
                .hasMessageContaining("up to " + eventsLimit + " bytes")
                .hasMessageContaining(
                        deadLetterTopic + " (max.message.bytes = " + deadLetterLimit + ")")
                .hasMessageContaining(
                        "--entity-name "
                                + deadLetterTopic
                                + " --add-config max.message.bytes="
                                + needed);
    }

    @Test
    void deadLetterTopicLoweredAfterTheStartUpCheckStopsTheJobRatherThanDroppingTheRecord(
            KafkaServer kafka, CassandraServer cassandra) throws Exception {
        String topic = TestNames.uniqueTopic("events");
        String deadLetterTopic = TestNames.uniqueTopic("events-dlq");
        kafka.createTopic(topic, 2);
        DeadLetterTopics.create(kafka, deadLetterTopic);
        int eventsLimit = maxMessageBytes(kafka, topic);
        KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers());
        StreamExecutionEnvironment env =
                withoutRestarts(options(kafka, cassandra, topic, deadLetterTopic));

        // The start-up check has passed; then an operator shrinks the dead-letter topic. The sink
        // reads the limit when it opens, as it does after every restart.
        int lowered = eventsLimit;
        kafka.createTopic(
                deadLetterTopic,
                1,
                Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(lowered)));
        await().atMost(PATIENCE).until(() -> maxMessageBytes(kafka, deadLetterTopic) == lowered);
        JobClient job = env.executeAsync("dead-letter-limits-it");
        RecordMetadata stored =
                client.produce(
                                List.of(
                                        new ProducerRecord<>(
                                                topic, 1, null, largestValue(eventsLimit))),
                                eventsLimit)
                        .get(0);

        assertThatThrownBy(
                        () ->
                                job.getJobExecutionResult()
                                        .get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .hasStackTraceContaining(DeadLetterTooLargeException.class.getName())
                .hasStackTraceContaining(
                        "dead letter of " + topic + "-1@" + stored.offset() + " (reason ")
                .hasStackTraceContaining(deadLetterTopic + " (max.message.bytes = " + lowered + ")")
                .hasStackTraceContaining("Nothing is dropped");
        assertThat(client.readAll(deadLetterTopic, Duration.ofSeconds(5))).isEmpty();
    }

    /** The longest value, without key or headers, that a topic of {@code limit} bytes accepts. */
    private static byte[] largestValue(int limit) {
        int overhead =
                AbstractRecords.estimateSizeInBytesUpperBound(
                                RecordBatch.CURRENT_MAGIC_VALUE,
                                CompressionType.NONE,
                                null,
                                new byte[limit],
                                new Header[0])
                        - limit;
        byte[] value = new byte[limit - overhead];
        Arrays.fill(value, (byte) 'x');
        return value;
    }

    private static void assertLetter(
            ReadRecord letter, byte[] key, byte[] value, String reason, RecordMetadata source) {
        assertThat(letter.key()).isEqualTo(key);
        assertThat(letter.value()).isEqualTo(value);
        assertThat(letter.headers())
                .containsEntry("dlq.reason", reason)
                .containsEntry("dlq.source.topic", source.topic())
                .containsEntry("dlq.source.partition", Integer.toString(source.partition()));
    }

    private static ReadRecord byOffset(List<ReadRecord> letters, RecordMetadata source) {
        return letters.stream()
                .filter(
                        letter ->
                                Integer.toString(source.partition())
                                                .equals(
                                                        letter.headers()
                                                                .get("dlq.source.partition"))
                                        && Long.toString(source.offset())
                                                .equals(letter.headers().get("dlq.source.offset")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter of " + source));
    }

    private static boolean hasStopped(JobClient job) throws Exception {
        return job.getJobStatus().get(30, TimeUnit.SECONDS).isGloballyTerminalState();
    }

    private static JobClient start(JobOptions options) throws Exception {
        return withoutRestarts(options).executeAsync("dead-letter-limits-it");
    }

    /** The whole job, start-up checks passed, in an environment that does not restart it. */
    private static StreamExecutionEnvironment withoutRestarts(JobOptions options) {
        Configuration noRestarts = new Configuration();
        noRestarts.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.configure(noRestarts);
        env.enableCheckpointing(options.runtime().checkpointInterval().toMillis());
        env.setParallelism(2);
        EventAnalyticsJob.addToEnvironment(env, options);
        return env;
    }

    private static int maxMessageBytes(KafkaServer kafka, String topic) {
        try (Admin admin = kafka.admin()) {
            return TopicMessageLimits.read(admin, List.of(topic)).get(topic);
        }
    }

    private static JobOptions options(
            KafkaServer kafka, CassandraServer cassandra, String topic, String deadLetterTopic) {
        String[] args = {
            "--bootstrap-servers", kafka.bootstrapServers(),
            "--topic", topic,
            "--group-id", topic + "-job",
            "--dlq-topic", deadLetterTopic,
            "--cassandra-hosts", cassandra.host(),
            "--cassandra-port", Integer.toString(cassandra.cqlPort()),
            "--cassandra-datacenter", cassandra.localDatacenter(),
            "--keyspace", TestNames.uniqueKeyspace("dlq_it"),
            "--checkpoint-interval", "2s",
        };
        return JobCommandLine.parse(args, Map.of());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
