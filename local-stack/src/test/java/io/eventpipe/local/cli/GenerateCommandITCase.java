package io.eventpipe.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.local.KafkaServer;
import io.eventpipe.local.junit.LocalServersExtension;
import io.eventpipe.local.junit.TestNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** {@code ./pipeline generate} against a real Kafka: rate × duration events, none lost. */
@ExtendWith(LocalServersExtension.class)
class GenerateCommandITCase {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void sendsRateTimesDurationSeededEventsKeyedByUser(KafkaServer kafka) throws IOException {
        String topic = TestNames.uniqueTopic("generate");
        kafka.createTopic(topic, 3);
        int rate = 150;
        int seconds = 2;
        int users = 40;
        long seed = 99;
        StringWriter err = new StringWriter();
        long before = System.currentTimeMillis();

        int exit =
                run(
                        err,
                        "generate",
                        "--bootstrap-servers=" + kafka.bootstrapServers(),
                        "--topic=" + topic,
                        "--rate=" + rate,
                        "--duration=" + seconds + "s",
                        "--users=" + users,
                        "--seed=" + seed);

        long after = System.currentTimeMillis();
        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        List<SentRecord> records = TopicReader.readAll(kafka, topic, rate * seconds);
        List<String> ids = new ArrayList<>();
        for (SentRecord record : records) {
            JsonNode event = MAPPER.readTree(record.value());
            assertThat(record.key()).isEqualTo(event.get("user_id").asText());
            assertThat(event.get("ts").asLong()).isBetween(before, after);
            ids.add(event.get("event_id").asText());
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(idsOfSeed(seed, users, rate * seconds));
    }

    /** The event ids the same seed produces, generated here independently of Kafka. */
    private static List<String> idsOfSeed(long seed, int users, int count) throws IOException {
        SyntheticEvents events = new SyntheticEvents(users, 1000, seed, () -> 0L);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String json = new String(events.next().value(), StandardCharsets.UTF_8);
            ids.add(MAPPER.readTree(json).get("event_id").asText());
        }
        return ids;
    }

    private static int run(StringWriter err, String... args) {
        CommandLine cli = PipelineCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
