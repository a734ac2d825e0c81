package io.eventpipe.local;

import dev.failsafe.function.CheckedRunnable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The part every local server shares: a name, its own directory under the stack's data directory, a
 * log file there, and the child processes it started, stopped in reverse order of starting.
 *
 * <p>Subclasses implement {@link #start()}: they check their ports with {@link #requireFree}, start
 * their processes with {@link #launch} and finish with {@link #awaitReady}. Methods that touch the
 * processes synchronise on the server object, as the subclasses' {@code start()} does.
 */
public abstract class ChildProcessServer implements LocalServer {

    private final String name;
    private final Path dir;
    private final String logFileName;
    private final boolean detached;
    private final List<ChildProcess> processes = new ArrayList<>();

    /**
     * @param name a human name for messages, such as "Kafka"
     * @param dir this server's own directory, for configuration, data and logs
     * @param logFileName the name of the (first process's) log file inside {@code dir}
     * @param detached whether the processes outlive this JVM
     */
    protected ChildProcessServer(String name, Path dir, String logFileName, boolean detached) {
        this.name = name;
        this.dir = dir;
        this.logFileName = logFileName;
        this.detached = detached;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Path logFile() {
        return dir.resolve(logFileName);
    }

    @Override
    public final synchronized void stop() {
        while (!processes.isEmpty()) {
            processes.remove(processes.size() - 1).stop();
        }
    }

    /** The pid of the first process started, or -1 when this object did not start it. */
    @Override
    public final long pid() {
        return pid(0);
    }

    /** The pid of the n-th process started (from 0), or -1 when there is no such process. */
    protected final synchronized long pid(int index) {
        return index < processes.size() ? processes.get(index).pid() : -1;
    }

    protected final Path dir() {
        return dir;
    }

    protected final boolean detached() {
        return detached;
    }

    /** Fails with a {@link ServerStartException} naming the log file when a port is taken. */
    protected final void requireFree(int... ports) {
        Ports.requireFree(name, logFile(), ports);
    }

    /** Starts a process that {@link #stop()} will stop, detached when this server is. */
    protected final synchronized ChildProcess launch(
            String label, List<String> command, Path log, Map<String, String> environment) {
        ChildProcess process = ChildProcess.start(label, command, log, environment, detached);
        processes.add(process);
        return process;
    }

    /**
     * Waits until the probe succeeds, giving up early when any process started so far has ended,
     * then logs where the server is ready.
     */
    protected final synchronized void awaitReady(
            int port, Duration timeout, CheckedRunnable probe, String address) {
        ChildProcess[] started = processes.toArray(ChildProcess[]::new);
        new Readiness(name, port, logFile()).await(timeout, probe, started);
        LoggerFactory.getLogger(getClass()).info("{} is ready at {}", name, address);
    }
}
