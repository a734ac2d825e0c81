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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flink 1.20 session cluster on 127.0.0.1: one JobManager with the web UI and one TaskManager
 * with four slots, each its own JVM with its own log file, both reporting metrics to Prometheus.
 *
 * <p>Checkpoints and savepoints live under {@code <dataDir>/flink}, so they survive a restart of
 * the cluster. The cluster is ready once the REST API reports the TaskManager and free slots.
 */
public final class FlinkCluster implements LocalServer {

    private static final Logger LOG = LoggerFactory.getLogger(FlinkCluster.class);
    private static final String NAME = "Flink";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir;
    private final FlinkPorts ports;
    private final boolean detached;
    private final HttpClient http = HttpClient.newHttpClient();
    private ChildProcess jobManager;
    private ChildProcess taskManager;

    /**
     * @param dataDir the stack's data directory; Flink uses its {@code flink} subdirectory
     * @param ports the REST, RPC and Prometheus ports
     * @param detached whether the processes outlive this JVM
     */
    public FlinkCluster(Path dataDir, FlinkPorts ports, boolean detached) {
        this.dataDir = dataDir.resolve("flink");
        this.ports = ports;
        this.detached = detached;
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
        return dataDir.resolve("conf");
    }

    public Path checkpointsDir() {
        return dataDir.resolve("checkpoints");
    }

    public Path savepointsDir() {
        return dataDir.resolve("savepoints");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The JobManager's log file. */
    @Override
    public Path logFile() {
        return dataDir.resolve("jobmanager.log");
    }

    public Path taskManagerLogFile() {
        return dataDir.resolve("taskmanager.log");
    }

    @Override
    public synchronized void start() {
        Ports.requireFree(
                NAME,
                logFile(),
                ports.rest(),
                ports.rpc(),
                ports.jobManagerPrometheus(),
                ports.taskManagerPrometheus());
        String classpath = ServerClasspath.resolve("flink");
        new FlinkConfig(dataDir, ports).write(confDir());
        jobManager =
                launch(
                        classpath,
                        "GET_JM_RESOURCE_PARAMS",
                        "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                        logFile(),
                        List.of());
        taskManager =
                launch(
                        classpath,
                        "GET_TM_RESOURCE_PARAMS",
                        "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                        taskManagerLogFile(),
                        List.of(
                                "-D",
                                FlinkConfig.PROMETHEUS_PORT_KEY
                                        + "="
                                        + ports.taskManagerPrometheus()));
        new Readiness(NAME, ports.rest(), logFile())
                .await(START_TIMEOUT, this::probe, jobManager, taskManager);
        LOG.info("Flink is ready at {}", restUrl());
    }

    @Override
    public synchronized void stop() {
        if (taskManager != null) {
            taskManager.stop();
            taskManager = null;
        }
        if (jobManager != null) {
            jobManager.stop();
            jobManager = null;
        }
    }

    /** The JobManager's pid. */
    @Override
    public synchronized long pid() {
        return jobManager == null ? -1 : jobManager.pid();
    }

    public synchronized long taskManagerPid() {
        return taskManager == null ? -1 : taskManager.pid();
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

    private ChildProcess launch(
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
                new JavaCommand(classpath, mainClass, detached)
                        .jvmOptions(memory.jvmOptions())
                        .jvmOptions(ServerResources.jvmOptions("flink"))
                        .jvmOption(
                                "-Dlog4j.configurationFile="
                                        + confDir().resolve("log4j.properties"))
                        .jvmOption("-Dlog.file=" + log)
                        .arguments(arguments)
                        .build();
        return ChildProcess.start(NAME + " " + mainClass, command, log, Map.of(), detached);
    }

    private void probe() throws Exception {
        JsonNode overview = getJson("/overview");
        if (overview.path("taskmanagers").asInt() < 1
                || overview.path("slots-available").asInt() < 1) {
            throw new IllegalStateException("no TaskManager slot registered yet: " + overview);
        }
    }
}
