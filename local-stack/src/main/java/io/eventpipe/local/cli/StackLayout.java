package io.eventpipe.local.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where {@code ./pipeline} keeps things: state and data under {@code .pipeline/} at the repository
 * root (git-ignored), the job and stats-api jars in their modules' {@code target} directories.
 *
 * <p>The root is the {@code eventpipe.home} system property, set by the wrapper script, or else the
 * working directory.
 */
record StackLayout(Path root) {

    static StackLayout fromEnvironment() {
        String home = System.getProperty("eventpipe.home");
        return new StackLayout(Path.of(home != null ? home : "").toAbsolutePath());
    }

    Path stateDir() {
        return root.resolve(".pipeline");
    }

    Path dataDir() {
        return stateDir().resolve("data");
    }

    Path stateFile() {
        return stateDir().resolve("state.json");
    }

    /** The job's shaded jar, {@code job/target/job-*.jar} without the unshaded original. */
    Optional<Path> jobJar() {
        return newestJar(root.resolve("job/target"), "job-", ".jar");
    }

    /** The stats-api fat jar, {@code stats-api/target/stats-api-*-all.jar}. */
    Optional<Path> statsApiJar() {
        return newestJar(root.resolve("stats-api/target"), "stats-api-", "-all.jar");
    }

    private static Optional<Path> newestJar(Path dir, String prefix, String suffix) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> nameMatches(file, prefix, suffix))
                    .max(Comparator.comparing(StackLayout::modified));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    private static boolean nameMatches(Path file, String prefix, String suffix) {
        String name = file.getFileName().toString();
        return name.startsWith(prefix)
                && name.endsWith(suffix)
                && !name.endsWith("-sources.jar")
                && !name.endsWith("-tests.jar");
    }

    private static long modified(Path file) {
        return file.toFile().lastModified();
    }
}
