package io.eventpipe.local.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import io.eventpipe.local.Ports;
import io.eventpipe.local.StatsApiProcess;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./pipeline status}: the health of each part (asked through its own protocol, not just its
 * port), the job's state, and how far the job's consumer group is behind.
 *
 * <p>Exit code 0 when every part is healthy and a job runs, 1 otherwise.
 */
@Command(name = "status", description = "Shows the health of each part, the job and its lag.")
final class StatusCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Option(
            names = "--group-id",
            defaultValue = "eventpipe-job",
            description = "The job's consumer group (default: ${DEFAULT-VALUE}).")
    private String groupId;

    private PrintWriter out;
    private LocalStack stack;
    private boolean healthy = true;

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        stack = LocalStack.open();
        int kafkaPort = stack.kafka.port();
        int flinkPort = stack.flink.ports().rest();
        report("Kafka", LocalStack.KAFKA, kafkaPort, true, () -> kafkaHealth(stack));
        report(
                "Cassandra",
                LocalStack.CASSANDRA,
                stack.cassandra.cqlPort(),
                true,
                () -> cassandraHealth(stack));
        report("Flink", LocalStack.FLINK_JOB_MANAGER, flinkPort, true, () -> flinkHealth(stack));
        report("Job", LocalStack.FLINK_JOB_MANAGER, flinkPort, false, () -> jobHealth(stack));
        // The jar is not needed to ask a running stats-api for its health.
        StatsApiProcess statsApi = stack.statsApi(Path.of("stats-api.jar"));
        report(
                "stats-api",
                LocalStack.STATS_API,
                statsApi.port(),
                true,
                () -> statsApiHealth(statsApi));
        report("Lag", LocalStack.KAFKA, kafkaPort, false, () -> lag(stack));
        return healthy ? 0 : 1;
    }

    private interface Probe {
        String run() throws Exception;
    }

    /**
     * Prints one line for a part: ok with details, or DOWN with the reason. The part needs the
     * process recorded under {@code stateKey}, which listens on {@code port}; its pid is shown when
     * {@code showPid} is set.
     */
    private void report(String part, String stateKey, int port, boolean showPid, Probe probe) {
        Optional<ProcessHandle> process = stack.state.process(stateKey);
        try {
            if (process.isEmpty()) {
                throw new IllegalStateException(notRunning(port));
            }
            String pid = showPid ? " (pid " + process.get().pid() + ")" : "";
            out.printf("%-10s %-5s %s%s%n", part, "ok", probe.run(), pid);
        } catch (Exception e) {
            healthy = false;
            out.printf(
                    "%-10s %-5s %s%n",
                    part, "DOWN", Objects.toString(e.getMessage(), e.toString()));
        }
        out.flush();
    }

    // A port taken by some other process would make ./pipeline up fail, so say so here already.
    private static String notRunning(int port) {
        return Ports.isListening(port)
                ? "not running, and another process listens on its port "
                        + port
                        + "; ./pipeline up cannot start it until that port is free"
                : "not running; ./pipeline up starts it";
    }

    private static String kafkaHealth(LocalStack stack) throws Exception {
        try (Admin admin = stack.kafka.admin()) {
            int brokers = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
            return stack.kafka.bootstrapServers() + ", " + brokers + " broker(s)";
        }
    }

    private static String cassandraHealth(LocalStack stack) {
        try (CqlSession session = stack.cassandra.session()) {
            String version =
                    session.execute("SELECT release_version FROM system.local").one().getString(0);
            return stack.cassandra.host()
                    + ":"
                    + stack.cassandra.cqlPort()
                    + ", version "
                    + version;
        }
    }

    private static String flinkHealth(LocalStack stack) throws Exception {
        JsonNode overview = stack.flink.getJson("/overview");
        if (overview.path("taskmanagers").asInt() == 0) {
            // A job without a TaskManager still reports RUNNING while its tasks wait for slots.
            throw new IllegalStateException(
                    stack.flink.restUrl()
                            + " has no TaskManager (crashed?); ./pipeline up restarts the cluster");
        }
        return String.format(
                "%s, %d TaskManager(s), %d of %d slots free",
                stack.flink.restUrl(),
                overview.path("taskmanagers").asInt(),
                overview.path("slots-available").asInt(),
                overview.path("slots-total").asInt());
    }

    private static String jobHealth(LocalStack stack) throws Exception {
        List<FlinkJobs.Job> active = FlinkJobs.active(stack.flink);
        if (active.isEmpty()) {
            throw new IllegalStateException("no job is running; ./pipeline up submits it");
        }
        return active.stream()
                .map(job -> job.name() + " " + job.state() + " (id " + job.id() + ")")
                .collect(Collectors.joining("; "));
    }

    private static String statsApiHealth(StatsApiProcess statsApi) {
        if (!statsApi.isHealthy()) {
            throw new IllegalStateException(statsApi.url() + "/health does not answer 200");
        }
        return statsApi.url() + ", /health answers 200";
    }

    /** For example "12 records on events, 0 on other". */
    private static String describe(Map<String, Long> lagByTopic) {
        String perTopic =
                lagByTopic.entrySet().stream()
                        .map(entry -> entry.getValue() + " on " + entry.getKey())
                        .collect(Collectors.joining(", "));
        return perTopic.replaceFirst(" on ", " records on ");
    }

    private String lag(LocalStack stack) throws Exception {
        try (Admin admin = stack.kafka.admin()) {
            Map<String, Long> lag = ConsumerLag.byTopic(admin, groupId);
            return lag.isEmpty()
                    ? "group " + groupId + " has committed no offsets yet"
                    : "group " + groupId + " is behind by " + describe(lag);
        }
    }
}
