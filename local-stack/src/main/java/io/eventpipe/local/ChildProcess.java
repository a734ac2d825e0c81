package io.eventpipe.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server process, its output appended to its own log file.
 *
 * <p>Stopping sends SIGTERM to the process and all its descendants, waits, then kills what is left.
 * Attached processes are also stopped by a shutdown hook of this JVM; detached ones ({@code
 * ./pipeline}) are found again later by pid through {@link #find(long)}.
 */
public final class ChildProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Thread shutdownHook;

    private ChildProcess(String name, Process process, Path logFile, boolean attached) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.shutdownHook = attached ? new Thread(this::stop, "stop-" + name) : null;
        if (attached) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /** Launches a command with stdin closed and stdout and stderr appended to the log file. */
    public static ChildProcess start(
            String name,
            List<String> command,
            Path logFile,
            Map<String, String> env,
            boolean detached) {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder =
                    new ProcessBuilder(command)
                            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            LOG.info("Started {} (pid {}), log file {}", name, process.pid(), logFile);
            return new ChildProcess(name, process, logFile, !detached);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch " + name + ": " + command.get(0), e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** The exit code once the process has ended. */
    public Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /** Waits for the process to end; stops it and returns empty when it runs past the timeout. */
    public Optional<Integer> awaitExit(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop();
                return Optional.of(process.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop();
        return Optional.empty();
    }

    /** Stops the process and its descendants: SIGTERM, a grace period, then SIGKILL. */
    public void stop() {
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            removeShutdownHook();
        }
        stopTree(name, process.toHandle(), GRACE);
    }

    /** Stops any process tree by its root handle, as {@link #stop()} does. */
    public static void stopTree(String name, ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = Stream.concat(root.descendants(), Stream.of(root)).toList();
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : tree) {
            try {
                process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.warn("{} (pid {}) did not stop in {}, killing it", name, process.pid(), grace);
                process.destroyForcibly();
            }
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook runs or has run, stopping twice is safe.
        }
    }
}
