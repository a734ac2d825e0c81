package io.eventpipe.local;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedRunnable;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Waits until a server answers a real request (not just an open port), polling until a timeout.
 *
 * <p>Gives up at once when the server process has exited, and reports every failure as a {@link
 * ServerStartException} naming the server, its port and its log file.
 */
final class Readiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final String server;
    private final int port;
    private final Path logFile;

    Readiness(String server, int port, Path logFile) {
        this.server = server;
        this.port = port;
        this.logFile = logFile;
    }

    /** Polls the probe until it succeeds, a process ends or the timeout passes. */
    void await(Duration timeout, CheckedRunnable probe, ChildProcess... processes) {
        RetryPolicy<Object> policy =
                RetryPolicy.builder()
                        .handle(Exception.class)
                        .abortOn(ProcessEndedException.class)
                        .withDelay(POLL_INTERVAL)
                        .withMaxRetries(-1)
                        .withMaxDuration(timeout)
                        .build();
        try {
            Failsafe.with(policy)
                    .run(
                            () -> {
                                for (ChildProcess process : processes) {
                                    requireAlive(process);
                                }
                                probe.run();
                            });
        } catch (ProcessEndedException e) {
            throw new ServerStartException(server, port, logFile, e.getMessage());
        } catch (RuntimeException e) {
            // Failsafe rethrows the last unchecked failure as is and wraps a checked one.
            Throwable cause =
                    e instanceof FailsafeException && e.getCause() != null ? e.getCause() : e;
            throw new ServerStartException(
                    server, port, logFile, "not ready after " + timeout + ": " + cause, cause);
        }
    }

    private static void requireAlive(ChildProcess process) {
        process.exitCode()
                .ifPresent(
                        code -> {
                            throw new ProcessEndedException(
                                    "the process exited with code "
                                            + code
                                            + " (its log file: "
                                            + process.logFile()
                                            + ")");
                        });
    }

    /** The server process ended while we waited for it. */
    private static final class ProcessEndedException extends RuntimeException {
        ProcessEndedException(String message) {
            super(message);
        }
    }
}
