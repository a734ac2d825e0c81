package io.eventpipe.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link JobOptionsCheck} running a stand-in job main in a child JVM on the Flink classpath (an
 * ITCase because that classpath is resolved with Maven on first use): it reads the job's answer by
 * its exit code.
 */
class JobOptionsCheckITCase {

    private static final String MAIN = OptionCheckingMain.class.getName();

    private static Path testClasses() throws Exception {
        return Path.of(
                OptionCheckingMain.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
    }

    @Test
    void goodOptionsPass() throws Exception {
        assertThat(JobOptionsCheck.problem(testClasses(), MAIN, List.of("--window-size", "1min")))
                .isEmpty();
    }

    @Test
    void aBadOptionGivesTheJobsOwnMessage() throws Exception {
        assertThat(JobOptionsCheck.problem(testClasses(), MAIN, List.of(OptionCheckingMain.BAD)))
                .contains("Unknown option: '" + OptionCheckingMain.BAD + "'");
    }

    @Test
    void aCheckThatFailsOtherwiseIsAnErrorWithTheJobsOutput() throws Exception {
        Path classes = testClasses();
        List<String> crash = List.of(OptionCheckingMain.CRASH);

        assertThatThrownBy(() -> JobOptionsCheck.problem(classes, MAIN, crash))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with code 1")
                .hasMessageContaining("crashed");
    }
}
