package io.eventpipe.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generated {@code config.yaml} of the local Flink session cluster: loopback addresses, the
 * chosen ports, checkpoints and savepoints under the data directory, the Prometheus reporter, and
 * small memory.
 *
 * <p>Checkpoints are retained on cancellation so {@code ./pipeline up} can resume a job from the
 * latest one when no savepoint exists.
 */
final class FlinkConfig {

    static final String PROMETHEUS_PORT_KEY = "metrics.reporter.prom.port";

    private final Path dataDir;
    private final FlinkPorts ports;

    FlinkConfig(Path dataDir, FlinkPorts ports) {
        this.dataDir = dataDir;
        this.ports = ports;
    }

    /** Writes {@code config.yaml} and the logging configuration into the directory. */
    Path write(Path confDir) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        network(yaml);
        memory(yaml);
        yaml.put(
                "metrics.reporter.prom.factory.class",
                "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        yaml.put(PROMETHEUS_PORT_KEY, String.valueOf(ports.jobManagerPrometheus()));
        yaml.put("state.checkpoints.dir", dataDir.resolve("checkpoints").toUri().toString());
        yaml.put("state.savepoints.dir", dataDir.resolve("savepoints").toUri().toString());
        yaml.put(
                "execution.checkpointing.externalized-checkpoint-retention",
                "RETAIN_ON_CANCELLATION");
        yaml.put("state.checkpoints.num-retained", 3);
        yaml.put("io.tmp.dirs", dataDir.resolve("tmp").toString());
        yaml.put("web.upload.dir", dataDir.resolve("web-upload").toString());
        yaml.put("web.tmpdir", dataDir.resolve("web-tmp").toString());
        yaml.put("blob.storage.directory", dataDir.resolve("blobs").toString());
        ServerResources.copy("flink", "log4j.properties", confDir.resolve("log4j.properties"));
        return ConfigFiles.writeYaml(confDir.resolve("config.yaml"), yaml);
    }

    private void network(Map<String, Object> yaml) {
        yaml.put("jobmanager.rpc.address", "127.0.0.1");
        yaml.put("jobmanager.rpc.port", ports.rpc());
        yaml.put("jobmanager.bind-host", "127.0.0.1");
        yaml.put("taskmanager.bind-host", "127.0.0.1");
        yaml.put("taskmanager.host", "127.0.0.1");
        yaml.put("rest.address", "127.0.0.1");
        yaml.put("rest.bind-address", "127.0.0.1");
        yaml.put("rest.port", ports.rest());
    }

    private static void memory(Map<String, Object> yaml) {
        yaml.put("jobmanager.memory.process.size", "768m");
        yaml.put("taskmanager.memory.process.size", "1g");
        yaml.put("taskmanager.numberOfTaskSlots", FlinkCluster.TASK_SLOTS);
        yaml.put("parallelism.default", 1);
        // The job keeps its state on the heap: give the heap what managed memory would take.
        yaml.put("taskmanager.memory.managed.fraction", 0.05);
        yaml.put("taskmanager.memory.framework.off-heap.size", "64m");
        yaml.put("taskmanager.memory.jvm-overhead.min", "128m");
    }
}
