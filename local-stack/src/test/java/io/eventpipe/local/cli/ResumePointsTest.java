package io.eventpipe.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumePointsTest {

    @TempDir Path dir;

    @Test
    void prefersACheckpointWrittenAfterTheSavepoint() throws IOException {
        metadata(dir.resolve("savepoints/savepoint-1"), 1_000);
        Path checkpoint = metadata(dir.resolve("checkpoints/job-a/chk-7"), 2_000);

        assertThat(newest()).contains(checkpoint);
    }

    @Test
    void prefersASavepointWrittenAfterTheCheckpoints() throws IOException {
        metadata(dir.resolve("checkpoints/job-a/chk-7"), 1_000);
        Path savepoint = metadata(dir.resolve("savepoints/savepoint-2"), 2_000);

        assertThat(newest()).contains(savepoint);
    }

    @Test
    void ignoresDirectoriesWithoutMetadataAndFindsNothingInAnEmptyStack() throws IOException {
        Files.createDirectories(dir.resolve("checkpoints/job-a/chk-8"));
        Files.createDirectories(dir.resolve("checkpoints/job-a/shared"));

        assertThat(newest()).isEmpty();
    }

    private Optional<Path> newest() {
        return ResumePoints.newest(dir.resolve("savepoints"), dir.resolve("checkpoints"));
    }

    private static Path metadata(Path pointDir, long modifiedMillis) throws IOException {
        Files.createDirectories(pointDir);
        Path file = Files.writeString(pointDir.resolve("_metadata"), "state");
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochMilli(modifiedMillis)));
        return pointDir;
    }
}
