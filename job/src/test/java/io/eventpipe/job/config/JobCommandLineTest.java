package io.eventpipe.job.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventpipe.job.records.FieldMapping;
import io.eventpipe.job.sink.CassandraSinkConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

class JobCommandLineTest {

    private static JobOptions parse(String... args) {
        return JobCommandLine.parse(args, Map.of());
    }

    @Test
    void defaultsMatchTheLocalStackAndTheDefaultEventShape() {
        JobOptions options = parse();

        assertThat(options.kafka())
                .isEqualTo(
                        new KafkaOptions(
                                "localhost:9092",
                                "events",
                                "eventpipe-job",
                                "events-dlq",
                                Duration.ofMinutes(1),
                                false));
        assertThat(options.fields())
                .isEqualTo(
                        new FieldMapping(
                                "/type",
                                "/user_id",
                                "/ts",
                                "/page",
                                "/event_id",
                                TimeFormat.EPOCH_MILLIS,
                                1024 * 1024));
        assertThat(options.windows())
                .isEqualTo(
                        new WindowOptions(
                                Duration.ofSeconds(5),
                                Duration.ofSeconds(30),
                                Duration.ofMinutes(1),
                                Duration.ZERO,
                                Duration.ofSeconds(5),
                                10));
        assertThat(options.runtime())
                .isEqualTo(new RuntimeOptions(Duration.ofSeconds(10), null, 128));
        CassandraSinkConfig sink = options.cassandra().sink();
        assertThat(sink.contactPoints()).containsExactly("127.0.0.1");
        assertThat(sink.port()).isEqualTo(9042);
        assertThat(sink.localDatacenter()).isEqualTo("datacenter1");
        assertThat(sink.keyspace()).isEqualTo("analytics");
        assertThat(options.cassandra().replication())
                .isEqualTo("{'class': 'SimpleStrategy', 'replication_factor': 1}");
        assertThat(sink.username()).isNull();
        assertThat(sink.password()).isNull();
        assertThat(sink.maxBatchRows()).isEqualTo(100);
        assertThat(sink.flushInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(sink.maxInFlightRequests()).isEqualTo(4);
        assertThat(sink.maxRetries()).isEqualTo(10);
        assertThat(sink.consistencyLevel()).isEqualTo("LOCAL_QUORUM");
    }

    @Test
    void everyOptionIsReadAsKeyValue() {
        JobOptions options =
                parse(
                        "--bootstrap-servers",
                        "k1:9092,k2:9092",
                        "--topic",
                        "clicks",
                        "--group-id",
                        "g",
                        "--dlq-topic",
                        "dead",
                        "--partition-discovery-interval",
                        "30s",
                        "--bounded",
                        "--type-field",
                        "/kind",
                        "--user-field",
                        "/who",
                        "--time-field",
                        "/when",
                        "--time-format",
                        "iso-8601",
                        "--key-field",
                        "",
                        "--id-field",
                        "/id",
                        "--max-event-bytes",
                        "2048",
                        "--max-out-of-orderness",
                        "2 s",
                        "--idle-timeout",
                        "1min",
                        "--window-size",
                        "10s",
                        "--allowed-lateness",
                        "20s",
                        "--provisional-interval",
                        "500ms",
                        "--top-k",
                        "3",
                        "--checkpoint-interval",
                        "1s",
                        "--parallelism",
                        "2",
                        "--max-parallelism",
                        "64",
                        "--cassandra-hosts",
                        "c1,c2",
                        "--cassandra-port",
                        "19042",
                        "--cassandra-datacenter",
                        "dc2",
                        "--keyspace",
                        "ks_1",
                        "--replication",
                        "{'class': 'NetworkTopologyStrategy', 'dc2': 3}",
                        "--cassandra-username",
                        "job",
                        "--cassandra-password",
                        "secret",
                        "--sink-max-batch-rows",
                        "7",
                        "--sink-flush-interval",
                        "250ms",
                        "--sink-max-in-flight",
                        "2",
                        "--sink-max-retries",
                        "1",
                        "--sink-consistency",
                        "QUORUM");

        assertThat(options.kafka())
                .isEqualTo(
                        new KafkaOptions(
                                "k1:9092,k2:9092",
                                "clicks",
                                "g",
                                "dead",
                                Duration.ofSeconds(30),
                                true));
        assertThat(options.fields())
                .isEqualTo(
                        new FieldMapping(
                                "/kind", "/who", "/when", null, "/id", TimeFormat.ISO_8601, 2048));
        assertThat(options.windows())
                .isEqualTo(
                        new WindowOptions(
                                Duration.ofSeconds(2),
                                Duration.ofMinutes(1),
                                Duration.ofSeconds(10),
                                Duration.ofSeconds(20),
                                Duration.ofMillis(500),
                                3));
        assertThat(options.runtime()).isEqualTo(new RuntimeOptions(Duration.ofSeconds(1), 2, 64));
        assertThat(options.cassandra().replication())
                .isEqualTo("{'class': 'NetworkTopologyStrategy', 'dc2': 3}");
        assertThat(options.cassandra().sink())
                .usingRecursiveComparison()
                .isEqualTo(
                        CassandraSinkConfig.builder()
                                .contactPoints(List.of("c1", "c2"))
                                .port(19042)
                                .localDatacenter("dc2")
                                .keyspace("ks_1")
                                .username("job")
                                .password("secret")
                                .maxBatchRows(7)
                                .flushInterval(Duration.ofMillis(250))
                                .maxInFlightRequests(2)
                                .maxRetries(1)
                                .consistencyLevel("QUORUM")
                                .build());
    }

    @Test
    void credentialsComeFromTheEnvironmentUnlessGiven() {
        Map<String, String> env =
                Map.of("CASSANDRA_USERNAME", "env-user", "CASSANDRA_PASSWORD", "env-pw");

        CassandraSinkConfig fromEnv = JobCommandLine.parse(new String[0], env).cassandra().sink();
        CassandraSinkConfig given =
                JobCommandLine.parse(
                                new String[] {
                                    "--cassandra-username", "u", "--cassandra-password", "p"
                                },
                                env)
                        .cassandra()
                        .sink();

        assertThat(fromEnv.username()).isEqualTo("env-user");
        assertThat(fromEnv.password()).isEqualTo("env-pw");
        assertThat(given.username()).isEqualTo("u");
        assertThat(given.password()).isEqualTo("p");
    }

    @Test
    void passwordIsNeverPrinted() {
        JobOptions options = parse("--cassandra-username", "u", "--cassandra-password", "hunter2");

        assertThat(options.toString()).doesNotContain("hunter2").contains("password=***");
    }

    @Test
    void optionsSurviveJavaSerialization() throws IOException {
        ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream());

        out.writeObject(parse("--parallelism", "3"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "--time-format          | epoch-nanos | epoch-millis, epoch-seconds, iso-8601",
                "--window-size          | soon        | 500ms, 5s, 1min",
                "--window-size          | 0s          | above zero",
                "--provisional-interval | 0ms         | above zero",
                "--top-k                | 0           | from 1 to 256",
                "--top-k                | many        | 'many'",
                "--max-event-bytes      | 0           | at least 1",
                "--parallelism          | 0           | at least 1",
                "--parallelism          | 500         | at most --max-parallelism (128)",
                "--type-field           | type        | JSON Pointer",
                "--key-field            | page        | or empty for none",
                "--cassandra-port       | 70000       | 1 to 65535",
                "--keyspace             | my-space    | letters, digits or underscores",
                "--sink-consistency     | SERIAL      | LOCAL_QUORUM",
                "--sink-max-in-flight   | 0           | from 1 to 1000",
                "--dlq-topic            | events      | a topic other than --topic",
                // values that passed the checks before and failed later in Flink or Cassandra
                "--window-size                  | 1ns                   | whole milliseconds",
                "--checkpoint-interval          | 500micros             | whole milliseconds",
                "--allowed-lateness             | 1500µs                | whole milliseconds",
                "--sink-flush-interval          | 999999ns              | whole milliseconds",
                "--partition-discovery-interval | 999999999999999999d   | whole milliseconds",
                "--idle-timeout                 | 9223372036854775807s  | whole milliseconds",
                "--checkpoint-interval          | 9ms                   | at least 10ms",
                "--max-parallelism              | 32769                 | from 1 to 32768",
                "--top-k                        | 257                   | from 1 to 256",
                "--keyspace                     | select                | not a CQL reserved word",
                "--keyspace                     | View                  | not a CQL reserved word",
                "--replication                  | garbage               | a CQL replication map",
                "--replication                  | {'class': 'Simple'}   | SimpleStrategy or",
                "--cassandra-hosts              | c1,c2:9042            | without a port",
                "--bootstrap-servers            | k1:9092,k2            | host:port pairs",
                "--sink-max-batch-rows          | 10001                 | from 1 to 10000",
                "--sink-max-in-flight           | 1001                  | from 1 to 1000",
                "--sink-max-retries             | 1001                  | from 0 to 1000",
            })
    void badValueNamesTheOptionAndWhatItAccepts(String option, String value, String accepted) {
        assertThatThrownBy(() -> parse(option, value))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("Invalid value for option '" + option + "'")
                .hasMessageContaining(accepted);
    }

    @Test
    void boundaryValuesAreAccepted() {
        JobOptions options =
                parse(
                        "--window-size", "1ms",
                        "--allowed-lateness", "1500ms",
                        "--provisional-interval", "1000micros",
                        "--checkpoint-interval", "10ms",
                        "--top-k", "256",
                        "--max-parallelism", "32768",
                        "--keyspace", "selection",
                        "--cassandra-hosts", "c1,10.0.0.7,::1",
                        "--bootstrap-servers", "k1:9092, k2:9093",
                        "--sink-max-batch-rows", "10000",
                        "--sink-max-in-flight", "1000",
                        "--sink-max-retries", "1000");

        assertThat(options.windows().windowSize()).isEqualTo(Duration.ofMillis(1));
        assertThat(options.windows().allowedLateness()).isEqualTo(Duration.ofMillis(1500));
        assertThat(options.windows().provisionalInterval()).isEqualTo(Duration.ofMillis(1));
        assertThat(options.windows().topK()).isEqualTo(256);
        assertThat(options.runtime())
                .isEqualTo(new RuntimeOptions(Duration.ofMillis(10), null, 32768));
        assertThat(options.cassandra().sink().contactPoints())
                .containsExactly("c1", "10.0.0.7", "::1");
        assertThat(options.cassandra().sink().maxBatchRows()).isEqualTo(10_000);
        assertThat(options.cassandra().sink().maxInFlightRequests()).isEqualTo(1_000);
        assertThat(options.cassandra().sink().maxRetries()).isEqualTo(1_000);
    }

    @Test
    void replicationIsPassedOnAsCanonicalCql() {
        JobOptions options =
                parse("--replication", "{\"class\":\"NetworkTopologyStrategy\",'dc1':'3','dc2':0}");

        assertThat(options.cassandra().replication())
                .isEqualTo("{'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 0}");
    }

    @Test
    void userNameWithoutPasswordIsRefusedNamingTheMissingOne() {
        assertThatThrownBy(() -> parse("--cassandra-username", "job"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'--cassandra-password'")
                .hasMessageContaining("CASSANDRA_PASSWORD");
    }

    @Test
    void passwordWithoutUserNameIsRefusedWithoutPrintingIt() {
        Map<String, String> env = Map.of("CASSANDRA_PASSWORD", "hunter2");

        assertThatThrownBy(() -> JobCommandLine.parse(new String[0], env))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'--cassandra-username'")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void unknownOptionIsRejected() {
        assertThatThrownBy(() -> parse("--windw-size", "1min"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--windw-size");
    }

    @Test
    void helpListsEveryOptionWithItsDefaultAndStartsNothing() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThat(parse("--help")).isNull();
        } finally {
            System.setOut(stdout);
        }

        // picocli wraps long lines, so compare with runs of white space collapsed
        String help = printed.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        for (OptionSpec option : optionSpecs()) {
            assertThat(help).contains(option.longestName());
            // picocli shows no default for flags, which take no value
            if (option.defaultValue() != null && option.arity().max > 0) {
                assertThat(help).contains("Default: " + option.defaultValue());
            }
        }
    }

    @Test
    void checkOptionsPrintsTheEffectiveConfigurationAndConnectsToNothing() throws IOException {
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        // Kafka and Cassandra both pointed at a socket nobody else uses: a connection attempt
        // during parsing would be waiting in its backlog when parse returns.
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(listener.getLocalPort());
            assertThat(
                            parse(
                                    "--check-options",
                                    "--window-size",
                                    "2min",
                                    "--bootstrap-servers",
                                    "127.0.0.1:" + port,
                                    "--cassandra-port",
                                    port))
                    .isNull();
            listener.setSoTimeout(1);
            assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
        } finally {
            System.setOut(stdout);
        }

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).startsWith("The job options are valid.");
        assertThat(output).contains("windowSize=PT2M").contains("127.0.0.1:");
    }

    @Test
    void checkOptionsStillRejectsABadValue() {
        assertThatThrownBy(() -> parse("--check-options", "--window-size", "banana"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--window-size")
                .hasMessageContaining("banana");
        assertThat(JobCommandLine.isCheckRequested(new String[] {"--window-size", "banana"}))
                .isFalse();
        assertThat(JobCommandLine.isCheckRequested(new String[] {"--x", "--check-options"}))
                .isTrue();
    }

    @Test
    void jobJavadocListsEveryOptionWithItsDefault() throws IOException {
        String source =
                Files.readString(Path.of("src/main/java/io/eventpipe/job/EventAnalyticsJob.java"))
                        .replaceAll("\\s*\\n\\s*\\*\\s*", " ");

        for (OptionSpec option : optionSpecs()) {
            assertThat(source).contains("{@code " + option.longestName() + "}");
            if (option.defaultValue() != null) {
                assertThat(source)
                        .as("default of %s", option.longestName())
                        .contains("{@code " + option.longestName() + "} " + option.defaultValue());
            }
        }
    }

    private static List<OptionSpec> optionSpecs() {
        return new CommandLine(new JobCommandLine()).getCommandSpec().options();
    }
}
