package io.eventpipe.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.local.KafkaServer;
import io.eventpipe.local.junit.LocalServersExtension;
import io.eventpipe.local.junit.TestNames;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./pipeline replay} against a real Kafka: exactly the file's records arrive, keyed, and
 * those without a key spread over every partition; a record Kafka refuses is named by its line.
 */
@ExtendWith(LocalServersExtension.class)
class ReplayCommandITCase {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int PARTITIONS = 3;

    @TempDir Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void gzippedJsonLinesArriveByteForByteKeyedByUser(KafkaServer kafka) throws IOException {
        String topic = TestNames.uniqueTopic("replay-jsonl");
        kafka.createTopic(topic, PARTITIONS);
        List<SentRecord> expected = jsonLines(new Random(11), 500);
        Path file = writeGzipLines(dir.resolve("events.jsonl.gz"), expected);

        int exit = replay(kafka, topic, file.toString(), "--as-fast-as-possible");

        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        assertThat(out.toString()).contains(expected.size() + " events acknowledged");
        assertThat(TopicReader.readAll(kafka, topic, expected.size()))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void csvRowsArriveAsFlatJsonObjectsKeyedByUser(KafkaServer kafka) throws IOException {
        String topic = TestNames.uniqueTopic("replay-csv");
        kafka.createTopic(topic, PARTITIONS);
        Random random = new Random(12);
        List<String> rows = new ArrayList<>();
        List<SentRecord> expected = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            long user = random.nextInt(50);
            String behavior = random.nextBoolean() ? "pv" : "buy";
            long ts = 1_511_544_070L + i;
            rows.add(user + "," + behavior + "," + ts);
            ObjectNode json = MAPPER.createObjectNode().put("user_id", user);
            json.put("behavior", behavior).put("ts", ts);
            expected.add(SentRecord.of(String.valueOf(user), json.toString()));
        }
        Path file = Files.write(dir.resolve("events.csv"), rows);

        int exit = replay(kafka, topic, file.toString(), "--columns", "user_id,behavior,ts");

        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        assertThat(parsed(TopicReader.readAll(kafka, topic, expected.size())))
                .containsExactlyInAnyOrderElementsOf(parsed(expected));
    }

    @Test
    void pacedReplaySendsEveryRecordIncludingUntimedOnes(KafkaServer kafka) throws IOException {
        String topic = TestNames.uniqueTopic("replay-paced");
        kafka.createTopic(topic, PARTITIONS);
        List<SentRecord> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // Event times 20 ms apart: 1 s of event time, a tenth of that at --speed 10.
            String json = "{\"user_id\":\"u" + (i % 7) + "\",\"ts\":" + (1_000_000L + 20 * i) + "}";
            expected.add(SentRecord.of("u" + (i % 7), json));
        }
        expected.add(SentRecord.of("u-late", "{\"user_id\":\"u-late\",\"ts\":\"unknown\"}"));
        Path file = writeGzipLines(dir.resolve("paced.jsonl.gz"), expected);

        int exit = replay(kafka, topic, file.toString(), "--speed", "10");

        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        assertThat(out.toString()).contains("1 records had no epoch-millis time at /ts");
        assertThat(TopicReader.readAll(kafka, topic, expected.size()))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void recordsWithoutTheKeyFieldAreSpreadOverEveryPartitionAndCounted(KafkaServer kafka)
            throws IOException {
        String topic = TestNames.uniqueTopic("replay-unkeyed");
        kafka.createTopic(topic, PARTITIONS);
        List<SentRecord> expected = mostlyWithoutUserId(400);
        Path file = writeGzipLines(dir.resolve("github.jsonl.gz"), expected);

        int exit = replay(kafka, topic, file.toString(), "--as-fast-as-possible");

        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        long unkeyed = keylessCount(expected);
        assertThat(err.toString())
                .contains("Warning: " + unkeyed + " records had no key at --key-field /user_id");
        Map<Integer, List<SentRecord>> byPartition =
                TopicReader.readAllByPartition(kafka, topic, expected.size());
        assertThat(byPartition.values().stream().flatMap(List::stream))
                .containsExactlyInAnyOrderElementsOf(expected);
        // Round-robin: every partition gets its share of the keyless records, give or take one.
        long fewest = unkeyed / PARTITIONS;
        long most = (unkeyed + PARTITIONS - 1) / PARTITIONS;
        assertThat(byPartition.values())
                .hasSize(PARTITIONS)
                .allSatisfy(records -> assertThat(keylessCount(records)).isBetween(fewest, most));
        assertThat(partitionsByKey(byPartition).values()).allSatisfy(p -> assertThat(p).hasSize(1));
    }

    @Test
    void aRecordTooLargeForKafkaIsNamedByItsLineAndTheOthersStillArrive(KafkaServer kafka)
            throws IOException {
        String topic = TestNames.uniqueTopic("replay-too-large");
        kafka.createTopic(topic, PARTITIONS);
        List<SentRecord> expected = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String json = "{\"user_id\":\"u" + (i % 4) + "\",\"ts\":" + (1000 + i) + "}";
            expected.add(SentRecord.of("u" + (i % 4), json));
            lines.add(json);
        }
        // Line numbers count the blank line (line 5), so the oversized record is on line 14.
        lines.add(4, "");
        lines.add(13, "{\"user_id\":\"u-big\",\"pad\":\"" + "x".repeat(2 << 20) + "\"}");
        Path file = writeGzipText(dir.resolve("mixed.jsonl.gz"), lines);

        int exit = replay(kafka, topic, file.toString(), "--as-fast-as-possible");

        assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(SendSession.EXIT_FAILED);
        assertThat(out.toString()).contains(expected.size() + " events acknowledged", "1 FAILED");
        assertThat(err.toString())
                .contains("did not take " + file + " line 14: The message is")
                .contains("larger than 1048576");
        assertThat(TopicReader.readAll(kafka, topic, expected.size()))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    /**
     * GitHub-shaped events (the user at /actor/login), only every tenth also carrying a user_id,
     * and one line that is not JSON.
     */
    private static List<SentRecord> mostlyWithoutUserId(int count) {
        List<SentRecord> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String user = "dev-" + (i % 9);
            boolean keyed = i % 10 == 0;
            String userId = keyed ? "\"user_id\":\"" + user + "\"," : "";
            String line =
                    "{\"id\":\"" + i + "\"," + userId + "\"actor\":{\"login\":\"" + user + "\"}}";
            lines.add(SentRecord.of(keyed ? user : null, line));
        }
        lines.add(SentRecord.of(null, "not JSON"));
        return lines;
    }

    private static Map<String, Set<Integer>> partitionsByKey(
            Map<Integer, List<SentRecord>> byPartition) {
        Map<String, Set<Integer>> partitions = new HashMap<>();
        for (Map.Entry<Integer, List<SentRecord>> entry : byPartition.entrySet()) {
            for (SentRecord record : entry.getValue()) {
                if (record.key() != null) {
                    partitions
                            .computeIfAbsent(record.key(), key -> new HashSet<>())
                            .add(entry.getKey());
                }
            }
        }
        return partitions;
    }

    private static long keylessCount(List<SentRecord> records) {
        return records.stream().filter(record -> record.key() == null).count();
    }

    /** Events in the default shape, some without a user (no key) and one that is not JSON. */
    private static List<SentRecord> jsonLines(Random random, int count) {
        List<SentRecord> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String user = "user-" + random.nextInt(40);
            boolean anonymous = i % 25 == 0;
            String userField = anonymous ? "" : "\"user_id\": \"" + user + "\", ";
            String line =
                    "{\"event_id\":\"e" + i + "\", " + userField + "\"ts\":" + (1000L + i) + "}";
            lines.add(SentRecord.of(anonymous ? null : user, line));
        }
        lines.add(SentRecord.of(null, "this is not JSON {"));
        return lines;
    }

    private static Path writeGzipLines(Path file, List<SentRecord> records) throws IOException {
        return writeGzipText(file, records.stream().map(SentRecord::value).toList());
    }

    private static Path writeGzipText(Path file, List<String> lines) throws IOException {
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
            for (String line : lines) {
                gz.write(line.getBytes(StandardCharsets.UTF_8));
                gz.write('\n');
            }
        }
        return file;
    }

    private static List<ParsedRecord> parsed(List<SentRecord> records) throws IOException {
        List<ParsedRecord> parsed = new ArrayList<>();
        for (SentRecord record : records) {
            parsed.add(new ParsedRecord(record.key(), MAPPER.readTree(record.value())));
        }
        return parsed;
    }

    private int replay(KafkaServer kafka, String topic, String... args) {
        CommandLine cli = PipelineCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("replay"));
        all.addAll(List.of(args));
        all.addAll(List.of("--bootstrap-servers", kafka.bootstrapServers(), "--topic", topic));
        return cli.execute(all.toArray(String[]::new));
    }

    /** A record compared by its JSON value rather than its bytes. */
    private record ParsedRecord(String key, JsonNode value) {}
}
