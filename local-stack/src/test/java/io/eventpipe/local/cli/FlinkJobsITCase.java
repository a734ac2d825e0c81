package io.eventpipe.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.local.FlinkCluster;
import io.eventpipe.local.FlinkJobClient;
import io.eventpipe.local.FlinkTestJobs;
import io.eventpipe.local.TinyBoundedJob;
import io.eventpipe.local.junit.LocalServersExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link FlinkJobs} against a real cluster: a job is listed and described for a person. */
@ExtendWith(LocalServersExtension.class)
class FlinkJobsITCase {

    @Test
    void describesAJobByNameIdStateParallelismAndWebUiPage(FlinkCluster flink, @TempDir Path dir)
            throws Exception {
        Path jar = FlinkTestJobs.jarOf(TinyBoundedJob.class, dir.resolve("tiny.jar"));
        int parallelism = 1;
        String id =
                new FlinkJobClient(flink)
                        .run(
                                jar,
                                TinyBoundedJob.class.getName(),
                                parallelism,
                                Optional.empty(),
                                List.of("100"));

        FlinkJobs.Job job =
                FlinkJobs.list(flink).stream().filter(j -> j.id().equals(id)).findFirst().get();
        String line = FlinkJobs.describe(flink, job);

        assertThat(line)
                .startsWith(TinyBoundedJob.JOB_NAME + " (id " + id + ", " + job.state())
                .contains(", parallelism " + parallelism + "), ")
                .endsWith(flink.restUrl() + "/#/job/running/" + id + "/overview")
                .doesNotContain("Job[");
    }
}
