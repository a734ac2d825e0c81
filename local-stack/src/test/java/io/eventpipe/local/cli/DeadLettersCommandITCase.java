package io.eventpipe.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventpipe.local.KafkaServer;
import io.eventpipe.local.junit.LocalServersExtension;
import io.eventpipe.local.junit.TestNames;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * {@code ./pipeline dead-letters} against a real Kafka: every dead letter printed with its headers,
 * the newest N, whole values, following new ones, and no consumer group left behind.
 */
@ExtendWith(LocalServersExtension.class)
class DeadLettersCommandITCase {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final long FIRST_TIMESTAMP = 1764772800000L;

    /** One dead letter as the job writes it; a null value is a tombstone. */
    private record Letter(String key, byte[] value, String reason, int sourceOffset) {}

    private static final String LONG_VALUE = "{\"page\":\"" + "p".repeat(300) + "\"}";

    private static final List<Letter> LETTERS =
            List.of(
                    new Letter("user-1", utf8("not json{"), "invalid-json", 10),
                    new Letter(null, new byte[] {'{', '\n', 0, (byte) 0xff}, "unreadable", 11),
                    new Letter("user-3", utf8(LONG_VALUE), "oversize", 12),
                    new Letter("user-4", null, "empty-value", 13),
                    new Letter("user-5", utf8("{\"ts\":1}"), "late", 14));

    @Test
    void printsEveryDeadLetterWithItsHeadersAndJoinsNoGroup(KafkaServer kafka) throws Exception {
        String topic = writeLetters(kafka, LETTERS);
        Set<String> groupsBefore = groups(kafka);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = run(out, err, kafka, "--topic=" + topic);

        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(LETTERS.size());
        for (int offset = 0; offset < LETTERS.size(); offset++) {
            assertDescribes(lines.get(offset), topic, offset, LETTERS.get(offset));
        }
        assertThat(lines.get(0)).endsWith(" key=user-1 value=not json{");
        assertThat(lines.get(1)).endsWith(" value={\\u000a\\u0000\ufffd").doesNotContain("key=");
        assertThat(lines.get(2))
                .contains(" value=" + LONG_VALUE.substring(0, 200) + "...")
                .doesNotContain(LONG_VALUE);
        assertThat(lines.get(3)).endsWith(" key=user-4 value=(none: a tombstone)");
        assertThat(err.toString()).contains(LETTERS.size() + " dead letter(s) on " + topic);
        assertThat(groups(kafka)).isEqualTo(groupsBefore);
    }

    @Test
    void lastPrintsTheNewestAndWholeValuesPrintsThemWhole(KafkaServer kafka) throws Exception {
        String topic = writeLetters(kafka, LETTERS);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = run(out, err, kafka, "--topic=" + topic, "--last=3", "--whole-values");

        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        for (int i = 0; i < 3; i++) {
            int offset = LETTERS.size() - 3 + i;
            assertDescribes(lines.get(i), topic, offset, LETTERS.get(offset));
        }
        assertThat(lines.get(0)).endsWith(" value=" + LONG_VALUE);
    }

    @Test
    void followPrintsDeadLettersWrittenLaterUntilStopped(KafkaServer kafka) throws Exception {
        String topic = writeLetters(kafka, LETTERS.subList(0, 2));
        List<ConsumerRecord<byte[], byte[]>> read = new CopyOnWriteArrayList<>();
        StopSignal stop = StopSignal.onCtrlC();
        CompletableFuture<Long> reading;
        try (DeadLetterReader reader = new DeadLetterReader(kafka.bootstrapServers(), topic)) {
            reading = CompletableFuture.supplyAsync(() -> reader.read(null, true, stop, read::add));
            await().atMost(TIMEOUT).until(() -> read.size() == 2);

            write(kafka, topic, LETTERS.subList(2, 5), 2);
            await().atMost(TIMEOUT).until(() -> read.size() == 5);
            stop.requestStop();
            assertThat(reading.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(5);
        } finally {
            stop.close();
        }
        assertThat(read.stream().map(ConsumerRecord::offset).toList())
                .containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(new String(read.get(4).value(), StandardCharsets.UTF_8))
                .isEqualTo(new String(LETTERS.get(4).value(), StandardCharsets.UTF_8));
    }

    @Test
    void missingTopicFailsWithExitCodeOne(KafkaServer kafka) {
        StringWriter err = new StringWriter();

        int exit = run(new StringWriter(), err, kafka, "--topic=" + TestNames.uniqueTopic("none"));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("does not exist");
    }

    private static void assertDescribes(String line, String topic, int offset, Letter letter) {
        assertThat(line)
                .startsWith(Instant.ofEpochMilli(FIRST_TIMESTAMP + offset) + " ")
                .contains(" " + topic + "/0@" + offset + " ")
                .contains(" reason=" + letter.reason() + " ")
                .contains(" source=events/1@" + letter.sourceOffset() + " ");
    }

    private static String writeLetters(KafkaServer kafka, List<Letter> letters) throws Exception {
        String topic = TestNames.uniqueTopic("dlq");
        kafka.createTopic(topic, 1);
        write(kafka, topic, letters, 0);
        return topic;
    }

    /** Writes the letters, the first with timestamp {@code FIRST_TIMESTAMP + firstOffset}. */
    private static void write(
            KafkaServer kafka, String topic, List<Letter> letters, int firstOffset)
            throws Exception {
        Map<String, Object> config =
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < letters.size(); i++) {
                Letter letter = letters.get(i);
                ProducerRecord<byte[], byte[]> record =
                        new ProducerRecord<>(
                                topic,
                                0,
                                FIRST_TIMESTAMP + firstOffset + i,
                                letter.key() == null ? null : utf8(letter.key()),
                                letter.value());
                record.headers()
                        .add(DeadLetterFormat.REASON, utf8(letter.reason()))
                        .add(DeadLetterFormat.SOURCE_TOPIC, utf8("events"))
                        .add(DeadLetterFormat.SOURCE_PARTITION, utf8("1"))
                        .add(DeadLetterFormat.SOURCE_OFFSET, utf8("" + letter.sourceOffset()));
                // One at a time, so that offsets follow the list's order.
                producer.send(record).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    private static Set<String> groups(KafkaServer kafka) throws Exception {
        try (Admin admin = kafka.admin()) {
            return admin
                    .listConsumerGroups()
                    .all()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .stream()
                    .map(ConsumerGroupListing::groupId)
                    .collect(Collectors.toSet());
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int run(StringWriter out, StringWriter err, KafkaServer kafka, String... args) {
        CommandLine cli = PipelineCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("dead-letters"));
        all.add("--bootstrap-servers=" + kafka.bootstrapServers());
        all.addAll(List.of(args));
        return cli.execute(all.toArray(String[]::new));
    }
}
