package io.eventpipe.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Flink 1.20 session cluster on 127.0.0.1: one JobManager with the web UI and one TaskManager
 * with four slots, each its own JVM with its own log file, both reporting metrics to Prometheus.
 *
 * <p>Checkpoints and savepoints live under {@code <dataDir>/flink}, so they survive a restart of
 * the cluster. The cluster is ready once the REST API reports the TaskManager and free slots.
 */
public final class FlinkCluster extends ChildProcessServer {

    /** Slots of the one TaskManager: the highest parallelism a job on this cluster can run at. */
    public static final int TASK_SLOTS = 4;

    private static final String NAME = "Flink";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FlinkPorts ports;
    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * @param dataDir the stack's data directory; Flink uses its {@code flink} subdirectory
     * @param ports the REST, RPC and Prometheus ports
     * @param detached whether the processes outlive this JVM
     */
    public FlinkCluster(Path dataDir, FlinkPorts ports, boolean detached) {
        super(NAME, dataDir.resolve("flink"), "jobmanager.log", detached);
        this.ports = ports;
    }

    public String restUrl() {
        return "http://127.0.0.1:" + ports.rest();
    }

    /** Where the TaskManager, which runs the job's operators, serves its Prometheus metrics. */
    public int taskManagerPrometheusPort() {
        return ports.taskManagerPrometheus();
    }

    public FlinkPorts ports() {
        return ports;
    }

    /** The directory holding {@code config.yaml}, for Flink's command-line client. */
    public Path confDir() {
        return dir().resolve("conf");
    }

    public Path checkpointsDir() {
        return dir().resolve("checkpoints");
    }

    public Path savepointsDir() {
        return dir().resolve("savepoints");
    }

    public Path taskManagerLogFile() {
        return dir().resolve("taskmanager.log");
    }

    @Override
    public synchronized void start() {
        requireFree(
                ports.rest(),
                ports.rpc(),
                ports.jobManagerPrometheus(),
                ports.taskManagerPrometheus());
        String classpath = ServerClasspath.resolve("flink");
        new FlinkConfig(dir(), ports).write(confDir());
        // The JobManager first: pid() and logFile() are its own, and stop() ends it last.
        launchEntrypoint(
                classpath,
                "GET_JM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                logFile(),
                List.of());
        launchEntrypoint(
                classpath,
                "GET_TM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                taskManagerLogFile(),
                List.of(
                        "-D",
                        FlinkConfig.PROMETHEUS_PORT_KEY + "=" + ports.taskManagerPrometheus()));
        awaitReady(ports.rest(), START_TIMEOUT, this::probe, restUrl());
    }

    /**
     * The TaskManager's pid, or -1 when this object did not start it; {@link #pid()} is the
     * JobManager's.
     */
    public long taskManagerPid() {
        return pid(1);
    }

    /** GETs a REST API path such as {@code /overview} and returns the parsed JSON. */
    public JsonNode getJson(String path) throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(restUrl() + path))
                        .timeout(Duration.ofSeconds(10))
                        .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private void launchEntrypoint(
            String classpath,
            String memoryCommand,
            String mainClass,
            Path log,
            List<String> extraProperties) {
        FlinkMemoryParams memory = FlinkMemoryParams.compute(classpath, confDir(), memoryCommand);
        List<String> arguments = new ArrayList<>(List.of("--configDir", confDir().toString()));
        arguments.addAll(memory.dynamicProperties());
        arguments.addAll(extraProperties);
        List<String> command =
                new JavaCommand(classpath, mainClass, detached())
                        .jvmOptions(memory.jvmOptions())
                        .jvmOptions(ServerResources.jvmOptions("flink"))
                        .jvmOption(
                                "-Dlog4j.configurationFile="
                                        + confDir().resolve("log4j.properties"))
                        .jvmOption("-Dlog.file=" + log)
                        .arguments(arguments)
                        .build();
        launch(NAME + " " + mainClass, command, log, Map.of());
    }

    private void probe() throws Exception {
        JsonNode overview = getJson("/overview");
        if (overview.path("taskmanagers").asInt() < 1
                || overview.path("slots-available").asInt() < 1) {
            throw new IllegalStateException("no TaskManager slot registered yet: " + overview);
        }
    }
}
