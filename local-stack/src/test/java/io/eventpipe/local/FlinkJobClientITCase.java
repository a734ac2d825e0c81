package io.eventpipe.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventpipe.local.junit.LocalServersExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link FlinkJobClient} against a real cluster: a failed {@code flink run} says why. */
@ExtendWith(LocalServersExtension.class)
class FlinkJobClientITCase {

    @Test
    void aRefusedSubmissionCarriesTheCauseFromTheClientLogWithoutStackFrames(
            FlinkCluster flink, @TempDir Path dir) throws Exception {
        Path jar = FlinkTestJobs.jarOf(RefusingJob.class, dir.resolve("refusing.jar"));
        FlinkJobClient client = new FlinkJobClient(flink);

        FlinkClientFailure failure =
                catchThrowableOfType(
                        FlinkClientFailure.class,
                        () ->
                                client.run(
                                        jar,
                                        RefusingJob.class.getName(),
                                        1,
                                        Optional.empty(),
                                        List.of("--window-size", "banana")));

        assertThat(failure.getMessage())
                .startsWith("flink run ")
                .contains(RefusingJob.REASON + " (--window-size banana)")
                .endsWith("The client's whole output is in " + client.logFile());
        assertThat(failure.getMessage().lines())
                .noneMatch(line -> line.strip().startsWith("at "))
                .hasSizeLessThan(20);
    }
}
