package io.eventpipe.local.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the state a new run of the job resumes from: the newest savepoint or retained checkpoint of
 * the local cluster, judged by when its metadata was written.
 *
 * <p>Newest rather than "savepoints first": a job resumed from a savepoint and later killed has
 * newer checkpoints, and resuming from the older savepoint would count their events twice.
 */
final class ResumePoints {

    private static final String METADATA = "_metadata";

    private ResumePoints() {}

    /** Savepoints are {@code savepoints/<name>/}, checkpoints {@code checkpoints/<job>/chk-N/}. */
    static Optional<Path> newest(Path savepointsDir, Path checkpointsDir) {
        return Stream.concat(
                        children(savepointsDir),
                        children(checkpointsDir).flatMap(ResumePoints::children))
                .filter(dir -> Files.isRegularFile(dir.resolve(METADATA)))
                .max(
                        Comparator.comparingLong(
                                dir -> dir.resolve(METADATA).toFile().lastModified()));
    }

    private static Stream<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }
}
