package io.eventpipe.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code ./pipeline} remembers between runs, in {@code .pipeline/state.json}: the pid of each
 * process it started, and the id and options of the job it submitted.
 *
 * <p>A pid is trusted only while that process is alive and still a JVM, so a stale file after a
 * reboot does no harm.
 */
final class StackState {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Pids by component name, such as "kafka" or "flink-taskmanager". */
    public Map<String, Long> pids = new TreeMap<>();

    /** The job last submitted by {@code up}, if any. */
    public String jobId;

    /** The job options that job was submitted with; a resumed job must run with the same. */
    public List<String> jobOptions;

    static StackState load(Path file) {
        if (!Files.exists(file)) {
            return new StackState();
        }
        try {
            return JSON.readValue(file.toFile(), StackState.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + "; delete it to start over", e);
        }
    }

    void save(Path file) {
        try {
            Files.createDirectories(file.getParent());
            // Written aside and moved over the old file, so that a process stopped mid-write
            // leaves the previous state rather than an empty file that no command can read.
            Path written = file.resolveSibling(file.getFileName() + ".new");
            JSON.writeValue(written.toFile(), this);
            Files.move(
                    written,
                    file,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The live JVM recorded under this name, if there is one. */
    Optional<ProcessHandle> process(String component) {
        return Optional.ofNullable(pids.get(component))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(StackState::isJava);
    }

    private static boolean isJava(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("java")).orElse(true);
    }
}
