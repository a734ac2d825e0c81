package io.eventpipe.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Bad options stop both commands with a usage error naming the option, before any Kafka I/O. */
class CommandOptionsTest {

    private static final int USAGE_ERROR = 2;
    // Nothing listens here: a command that got past validation would fail differently (exit 1).
    private static final String NO_KAFKA = "127.0.0.1:1";

    @TempDir Path dir;
    private Path jsonl;
    private Path csv;
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void files() throws IOException {
        jsonl = Files.writeString(dir.resolve("events.jsonl"), "{\"user_id\":\"u\"}\n");
        csv = Files.writeString(dir.resolve("events.csv"), "1,pv\n");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--rate=0|'--rate'",
                "--rate=-5|'--rate'",
                "--rate=fast|'--rate'",
                "--duration=60|'--duration'",
                "--duration=0s|'--duration'",
                "--users=0|'--users'",
                "--pages=-1|'--pages'",
                "--seed=abc|'--seed'",
            })
    void generateRejectsBadValuesNamingTheOption(String option, String named) {
        int exit = run("generate", "--bootstrap-servers", NO_KAFKA, option);

        assertThat(exit).isEqualTo(USAGE_ERROR);
        assertThat(err.toString()).contains(named);
    }

    @Test
    void generateRejectsADurationTooShortForOneEvent() {
        int exit = run("generate", "--bootstrap-servers", NO_KAFKA, "--rate=1", "--duration=0.1s");

        assertThat(exit).isEqualTo(USAGE_ERROR);
        assertThat(err.toString()).contains("'--duration'");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--format=xml|'xml'",
                "--speed=0|'--speed'",
                "--speed=-2|'--speed'",
                "--time-format=unix|'unix'",
                "--time-field=ts|'ts'",
                "--key-field=user|'user'",
            })
    void replayRejectsBadValuesNamingTheOption(String option, String named) {
        int exit = run("replay", jsonl.toString(), "--bootstrap-servers", NO_KAFKA, option);

        assertThat(exit).isEqualTo(USAGE_ERROR);
        assertThat(err.toString()).contains(named);
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "5"})
    void upRejectsAParallelismTheLocalClusterCannotRunBeforeStartingAnything(String parallelism) {
        int exit = run("up", "--parallelism", parallelism);

        assertThat(exit).isEqualTo(USAGE_ERROR);
        assertThat(err.toString())
                .contains("Invalid value for '--parallelism': must be 1 to 4")
                .contains("'" + parallelism + "'");
    }

    @Test
    void replayRejectsSpeedTogetherWithAsFastAsPossible() {
        int exit = run("replay", jsonl.toString(), "--speed=10", "--as-fast-as-possible");

        assertThat(exit).isEqualTo(USAGE_ERROR);
        assertThat(err.toString()).contains("--speed").contains("--as-fast-as-possible");
    }

    @Test
    void replayRejectsColumnsForJsonLines() {
        int exit = run("replay", jsonl.toString(), "--columns=a,b");

        assertThat(exit).isEqualTo(USAGE_ERROR);
        assertThat(err.toString()).contains("'--columns'").contains("csv");
    }

    @Test
    void replayRejectsDuplicateOrEmptyColumnNames() {
        assertThat(run("replay", csv.toString(), "--columns=a,a")).isEqualTo(USAGE_ERROR);
        assertThat(run("replay", csv.toString(), "--columns=a,,b")).isEqualTo(USAGE_ERROR);
        assertThat(err.toString()).contains("'--columns'");
    }

    @Test
    void replayRejectsAMissingFile() {
        int exit = run("replay", dir.resolve("nope.jsonl").toString());

        assertThat(exit).isEqualTo(USAGE_ERROR);
        assertThat(err.toString()).contains("nope.jsonl");
    }

    @Test
    void malformedCsvFailsBeforeConnectingAndNamesTheLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "1,pv\n2,pv,extra\n");

        int exit = run("replay", bad.toString(), "--columns=user_id,behavior");

        assertThat(exit).isEqualTo(SendSession.EXIT_FAILED);
        assertThat(err.toString()).contains("bad.csv line 2").doesNotContain("Kafka");
    }

    @Test
    void truncatedGzipFailsBeforeConnecting() throws IOException {
        byte[] gzip =
                InputFilesTest.gzip("{\"a\":1}\n".repeat(1000).getBytes(StandardCharsets.UTF_8));
        Path truncated = Files.write(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(gzip, 40));

        int exit = run("replay", truncated.toString());

        assertThat(exit).isEqualTo(SendSession.EXIT_FAILED);
        assertThat(err.toString()).contains("cut.jsonl.gz, nothing sent").doesNotContain("Kafka");
    }

    @Test
    void replayRejectsADirectory() {
        assertThat(run("replay", dir.toString())).isEqualTo(USAGE_ERROR);
        assertThat(err.toString()).contains("'FILE'");
    }

    private int run(String... args) {
        CommandLine cli = PipelineCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }
}
