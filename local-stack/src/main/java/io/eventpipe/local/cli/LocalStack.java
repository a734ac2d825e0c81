package io.eventpipe.local.cli;

import io.eventpipe.local.CassandraServer;
import io.eventpipe.local.ChildProcess;
import io.eventpipe.local.FlinkCluster;
import io.eventpipe.local.FlinkPorts;
import io.eventpipe.local.KafkaServer;
import io.eventpipe.local.LocalServer;
import io.eventpipe.local.Ports;
import io.eventpipe.local.StatsApiProcess;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The stack {@code ./pipeline} runs, on fixed ports: Kafka 9092 (controller 9093), Cassandra 9042
 * (storage 7000), Flink 8081 (RPC 6123, Prometheus 9249 and 9250 for the TaskManager) and stats-api
 * 8080. Every process is detached so it outlives the command that started it.
 *
 * <p>A component counts as running when every pid recorded for it is a live JVM and its main port
 * answers; anything less is stopped and started again, leaving the other components alone.
 */
final class LocalStack {

    static final String KAFKA = "kafka";
    static final String CASSANDRA = "cassandra";
    static final String FLINK_JOB_MANAGER = "flink-jobmanager";
    static final String FLINK_TASK_MANAGER = "flink-taskmanager";
    static final String STATS_API = "stats-api";
    static final int STATS_API_PORT = 8080;
    private static final int KAFKA_CONTROLLER_PORT = 9093;
    private static final int CASSANDRA_STORAGE_PORT = 7000;
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    final StackLayout layout;
    final StackState state;
    final KafkaServer kafka;
    final CassandraServer cassandra;
    final FlinkCluster flink;

    private LocalStack(StackLayout layout) {
        this.layout = layout;
        this.state = StackState.load(layout.stateFile());
        Path data = layout.dataDir();
        this.kafka = new KafkaServer(data, 9092, KAFKA_CONTROLLER_PORT, true);
        this.cassandra = new CassandraServer(data, 9042, CASSANDRA_STORAGE_PORT, true, false);
        this.flink = new FlinkCluster(data, FlinkPorts.defaults(), true);
    }

    static LocalStack open() {
        return new LocalStack(StackLayout.fromEnvironment());
    }

    StatsApiProcess statsApi(Path jar) {
        return new StatsApiProcess(jar, layout.dataDir(), STATS_API_PORT, cassandra, true);
    }

    /** The state keys of each component, in start order, with the port that shows it serves. */
    Map<String, List<String>> components() {
        return Map.of(
                KAFKA,
                List.of(KAFKA),
                CASSANDRA,
                List.of(CASSANDRA),
                "flink",
                List.of(FLINK_JOB_MANAGER, FLINK_TASK_MANAGER),
                STATS_API,
                List.of(STATS_API));
    }

    /** Every port the stack listens on, for checking that {@code down} left none open. */
    List<Integer> ports() {
        FlinkPorts flinkPorts = flink.ports();
        return List.of(
                STATS_API_PORT,
                flinkPorts.rest(),
                flinkPorts.rpc(),
                flinkPorts.jobManagerPrometheus(),
                flinkPorts.taskManagerPrometheus(),
                kafka.port(),
                KAFKA_CONTROLLER_PORT,
                cassandra.cqlPort(),
                CASSANDRA_STORAGE_PORT);
    }

    boolean isRunning(List<String> keys, int port) {
        return keys.stream().allMatch(key -> state.process(key).isPresent())
                && Ports.isListening(port);
    }

    /** Starts the server unless it runs; a half-running server is stopped first. */
    void ensureRunning(
            PrintWriter out,
            LocalServer server,
            List<String> keys,
            int port,
            Supplier<Map<String, Long>> pids) {
        if (isRunning(keys, port)) {
            out.printf(
                    "%-10s already running (pid %s)%n", server.name(), state.pids.get(keys.get(0)));
            return;
        }
        stop(keys);
        out.printf("%-10s starting, log file %s%n", server.name(), server.logFile());
        out.flush();
        // Ctrl-C while a server starts would leave it running but unrecorded, holding its port
        // against the next up: stop it on the way out unless it started and was recorded.
        Thread stopHalfStarted = new Thread(server::stop, "stop half-started " + server.name());
        Runtime.getRuntime().addShutdownHook(stopHalfStarted);
        server.start();
        state.pids.putAll(pids.get());
        state.save(layout.stateFile());
        try {
            Runtime.getRuntime().removeShutdownHook(stopHalfStarted);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs already: the server is being stopped, as the user asked.
        }
    }

    /** Stops the recorded processes of a component and forgets them. */
    void stop(List<String> keys) {
        for (String key : keys) {
            state.process(key)
                    .ifPresent(process -> ChildProcess.stopTree(key, process, STOP_GRACE));
            state.pids.remove(key);
        }
        state.save(layout.stateFile());
    }
}
