package io.eventpipe.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlinkClientLogTest {

    private static final String HEADLINE =
            "org.apache.flink.client.program.ProgramInvocationException: The main method caused an"
                    + " error: Invalid value for option '--window-size'";
    private static final String CAUSE =
            "Caused by: java.lang.IllegalArgumentException: Invalid value for option"
                    + " '--window-size'";

    @Test
    void keepsTheExceptionAndItsCausesBelowTheMarkerWithoutStackFrames() {
        String log =
                String.join(
                        "\n",
                        "INFO  Loading configuration property: rest.port, 8081",
                        "WARN  Some earlier Exception that is not the failure",
                        "",
                        "------------------------------------------------------------",
                        " The program finished with the following exception:",
                        "",
                        HEADLINE,
                        "\tat org.apache.flink.client.program.PackagedProgram.callMainMethod(X.java:1)",
                        "\tat org.apache.flink.client.cli.CliFrontend.run(CliFrontend.java:2)",
                        CAUSE,
                        "\tat io.eventpipe.job.EventAnalyticsJob.main(EventAnalyticsJob.java:3)",
                        "\t... 9 more",
                        CAUSE,
                        "");

        assertThat(FlinkClientLog.errorLines(log)).containsExactly(HEADLINE, CAUSE);
    }

    @Test
    void withoutTheMarkerKeepsTheLinesNamingAFailure() {
        String log =
                String.join(
                        "\n",
                        "INFO  Loading configuration property: rest.port, 8081",
                        "ERROR Could not connect to the cluster",
                        "java.net.ConnectException: Connection refused",
                        "\tat java.base/sun.nio.ch.Net.connect(Net.java:1)");

        assertThat(FlinkClientLog.errorLines(log))
                .containsExactly(
                        "ERROR Could not connect to the cluster",
                        "java.net.ConnectException: Connection refused");
    }

    @Test
    void withoutTheMarkerSkipsTheYarnCommandLineThatIsNeverThere() {
        String log =
                String.join(
                        "\n",
                        "INFO  Could not load CLI class"
                                + " org.apache.flink.yarn.cli.FlinkYarnSessionCli.",
                        "java.lang.ClassNotFoundException:"
                                + " org.apache.flink.yarn.cli.FlinkYarnSessionCli",
                        "\tat java.base/java.lang.Class.forName0(Native Method)",
                        "ERROR Invalid command line arguments.",
                        "org.apache.flink.client.cli.CliArgsException: The parallelism must be a"
                                + " positive number: 0");

        assertThat(FlinkClientLog.errorLines(log))
                .containsExactly(
                        "ERROR Invalid command line arguments.",
                        "org.apache.flink.client.cli.CliArgsException: The parallelism must be a"
                                + " positive number: 0");
    }

    @Test
    void failureMessageShowsTheLinesAndNamesTheLogFile() {
        FlinkClientFailure failure =
                new FlinkClientFailure(
                        "flink run -d job.jar",
                        "failed with exit code 1",
                        List.of(HEADLINE),
                        Path.of("/tmp/flink-client.log"));

        assertThat(failure.getMessage())
                .startsWith("flink run -d job.jar failed with exit code 1:")
                .contains("  " + HEADLINE)
                .endsWith("The client's whole output is in /tmp/flink-client.log");
    }
}
