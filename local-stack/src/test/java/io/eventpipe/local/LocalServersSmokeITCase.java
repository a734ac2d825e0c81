package io.eventpipe.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import io.eventpipe.local.junit.LocalServersExtension;
import io.eventpipe.local.junit.TestNames;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Each local server does its basic job: Kafka stores records, Cassandra rows, Flink runs jobs. */
@ExtendWith(LocalServersExtension.class)
class LocalServersSmokeITCase {

    @Test
    void kafkaReturnsTheRecordThatWasProduced(KafkaServer kafka) throws Exception {
        String topic = TestNames.uniqueTopic("smoke");
        kafka.createTopic(topic, 2);
        String value = "hello-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer(kafka)) {
            producer.send(new ProducerRecord<>(topic, 1, "key", value)).get();
        }

        try (KafkaConsumer<String, String> consumer = consumer(kafka)) {
            List<TopicPartition> partitions =
                    List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> pollInto(consumer, seen), received -> !received.isEmpty());
            assertThat(seen)
                    .singleElement()
                    .satisfies(
                            record -> {
                                assertThat(record.value()).isEqualTo(value);
                                assertThat(record.partition()).isEqualTo(1);
                            });
        }
    }

    @Test
    void cassandraReadsBackTheRowThatWasWritten(CassandraServer cassandra) {
        String keyspace = TestNames.uniqueKeyspace("smoke");
        try (CqlSession session = session(cassandra)) {
            createCountsTable(session, keyspace);
            session.execute(
                    "INSERT INTO " + keyspace + ".counts (page, views) VALUES (?, ?)",
                    "/products/42",
                    7L);

            Row row =
                    session.execute(
                                    "SELECT views FROM " + keyspace + ".counts WHERE page = ?",
                                    "/products/42")
                            .one();
            assertThat(row).isNotNull();
            assertThat(row.getLong("views")).isEqualTo(7L);
        }
    }

    @Test
    void cassandraKeepsItsRowsAcrossAStopAndStart(CassandraServer cassandra) {
        String keyspace = TestNames.uniqueKeyspace("restart");
        try (CqlSession session = session(cassandra)) {
            createCountsTable(session, keyspace);
            session.execute(
                    "INSERT INTO " + keyspace + ".counts (page, views) VALUES (?, ?)", "/", 3L);
        }

        cassandra.stop();
        assertThat(Ports.isListening(cassandra.cqlPort())).isFalse();
        cassandra.start();

        try (CqlSession session = session(cassandra)) {
            Row row = session.execute("SELECT views FROM " + keyspace + ".counts").one();
            assertThat(row).isNotNull();
            assertThat(row.getLong("views")).isEqualTo(3L);
        }
    }

    @Test
    void flinkRunsAJarSubmittedThroughTheRestApi(FlinkCluster flink, @TempDir Path dir)
            throws Exception {
        long last = 1_000;
        long expectedEvens = LongStream.rangeClosed(1, last).filter(n -> n % 2 == 0).count();
        Path jar = FlinkTestJobs.jarOf(TinyBoundedJob.class, dir.resolve("tiny.jar"));

        String jobId;
        try (FlinkRestClient rest = new FlinkRestClient(flink.restUrl())) {
            jobId = rest.runJar(rest.uploadJar(jar), List.of(Long.toString(last)));
        }
        JsonNode job =
                new FlinkTestJobs(flink).awaitState(jobId, "FINISHED", Duration.ofMinutes(2));

        assertThat(job.path("name").asText()).isEqualTo(TinyBoundedJob.JOB_NAME);
        assertThat(recordsReadBySink(job)).isEqualTo(expectedEvens);
    }

    @Test
    void aServerWhosePortIsTakenFailsNamingThePortAndLogFile(@TempDir Path dir) throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int taken = squatter.getLocalPort();
            KafkaServer kafka = new KafkaServer(dir, taken, Ports.freePort(), false);

            assertThatThrownBy(kafka::start)
                    .isInstanceOf(ServerStartException.class)
                    .hasMessageContaining("Kafka")
                    .hasMessageContaining(":" + taken)
                    .hasMessageContaining(kafka.logFile().toString());
        }
    }

    /**
     * A session built only from what the extension's contract offers other modules, with a request
     * timeout long enough for schema changes on a busy machine (the driver's is 2 s).
     */
    private static CqlSession session(CassandraServer cassandra) {
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress(cassandra.host(), cassandra.cqlPort()))
                .withLocalDatacenter(cassandra.localDatacenter())
                .withConfigLoader(
                        DriverConfigLoader.programmaticBuilder()
                                .withDuration(
                                        DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                                .build())
                .build();
    }

    private static void createCountsTable(CqlSession session, String keyspace) {
        session.execute(
                "CREATE KEYSPACE "
                        + keyspace
                        + " WITH replication = "
                        + "{'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute(
                "CREATE TABLE " + keyspace + ".counts (page text PRIMARY KEY, views bigint)");
    }

    private static long recordsReadBySink(JsonNode job) {
        return StreamSupport.stream(job.path("vertices").spliterator(), false)
                .filter(vertex -> vertex.path("name").asText().contains("discard"))
                .mapToLong(vertex -> vertex.path("metrics").path("read-records").asLong())
                .sum();
    }

    private static List<ConsumerRecord<String, String>> pollInto(
            KafkaConsumer<String, String> consumer, List<ConsumerRecord<String, String>> seen) {
        consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
        return seen;
    }

    private static KafkaProducer<String, String> producer(KafkaServer kafka) {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(KafkaServer kafka) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        "false"),
                new StringDeserializer(),
                new StringDeserializer());
    }
}
