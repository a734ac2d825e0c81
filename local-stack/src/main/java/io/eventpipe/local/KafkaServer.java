package io.eventpipe.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka 3.9 in KRaft mode (one process is both broker and controller), listening on
 * 127.0.0.1 only, with its log segments under {@code <dataDir>/kafka}.
 *
 * <p>The storage is formatted on first start and reused afterwards, so topics and offsets survive a
 * restart. Replication factors are 1: this is a development server, not a durable cluster.
 */
public final class KafkaServer extends ChildProcessServer {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaServer.class);
    private static final String NAME = "Kafka";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final int port;
    private final int controllerPort;

    /**
     * @param dataDir the stack's data directory; Kafka uses its {@code kafka} subdirectory
     * @param port the client port (9092 for {@code ./pipeline})
     * @param controllerPort the KRaft controller port
     * @param detached whether the server outlives this JVM
     */
    public KafkaServer(Path dataDir, int port, int controllerPort, boolean detached) {
        super(NAME, dataDir.resolve("kafka"), "kafka.log", detached);
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void start() {
        requireFree(port, controllerPort);
        String classpath = ServerClasspath.resolve("kafka");
        Path properties =
                new KafkaConfig(port, controllerPort, logDir())
                        .write(dir().resolve("conf/server.properties"));
        if (!Files.exists(logDir().resolve("meta.properties"))) {
            formatStorage(classpath, properties);
        }
        List<String> command =
                javaCommand(classpath, "kafka.Kafka", detached())
                        .arguments(List.of(properties.toString()))
                        .build();
        launch(NAME, command, logFile(), Map.of());
        awaitReady(port, START_TIMEOUT, this::probe, bootstrapServers());
    }

    /** Creates a topic with replication factor 1; an existing topic of that name is kept. */
    public void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    /**
     * Creates a topic with replication factor 1 and the given topic configs (such as {@code
     * max.message.bytes}). An existing topic of that name keeps its partitions but gets these
     * configs set, so that a topic made by an older version of the stack is brought up to date.
     */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        boolean created = create(new NewTopic(name, partitions, (short) 1).configs(configs));
        if (!created && !configs.isEmpty()) {
            setConfigs(name, configs);
        }
    }

    /** True when the topic was created, false when it already existed. */
    private boolean create(NewTopic topic) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(topic))
                    .all()
                    .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            LOG.info(
                    "Created topic {} with {} partitions {}",
                    topic.name(),
                    topic.numPartitions(),
                    topic.configs());
            return true;
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(
                        "Cannot create topic " + topic.name(), e.getCause());
            }
            LOG.info("Topic {} already exists", topic.name());
            return false;
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("Cannot create topic " + topic.name(), e);
        }
    }

    private void setConfigs(String name, Map<String, String> configs) {
        List<AlterConfigOp> ops =
                configs.entrySet().stream()
                        .map(
                                entry ->
                                        new AlterConfigOp(
                                                new ConfigEntry(entry.getKey(), entry.getValue()),
                                                AlterConfigOp.OpType.SET))
                        .toList();
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
        try (Admin admin = admin()) {
            admin.incrementalAlterConfigs(Map.of(topic, ops))
                    .all()
                    .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            LOG.info("Set {} on topic {}", configs, name);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot configure topic " + name, e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("Cannot configure topic " + name, e);
        }
    }

    /** An admin client for this server; the caller closes it. */
    public Admin admin() {
        return Admin.create(
                Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers(),
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                        (int) ADMIN_TIMEOUT.toMillis()));
    }

    private void probe() throws Exception {
        // An admin client retries a closed port noisily; try it only once the port is open.
        if (!Ports.isListening(port)) {
            throw new IllegalStateException("the client port is not open yet");
        }
        try (Admin admin = admin()) {
            Set<?> nodes = Set.copyOf(admin.describeCluster().nodes().get(5, TimeUnit.SECONDS));
            if (nodes.isEmpty()) {
                throw new IllegalStateException("no broker registered yet");
            }
        }
    }

    private void formatStorage(String classpath, Path properties) {
        String clusterId = Uuid.randomUuid().toString();
        List<String> command =
                javaCommand(classpath, "kafka.tools.StorageTool", false)
                        .arguments(List.of("format", "-t", clusterId, "-c", properties.toString()))
                        .build();
        ChildProcess format =
                ChildProcess.start("Kafka storage format", command, logFile(), Map.of(), false);
        format.awaitExit(Duration.ofMinutes(2))
                .filter(code -> code == 0)
                .orElseThrow(
                        () ->
                                new ServerStartException(
                                        NAME,
                                        port,
                                        logFile(),
                                        "formatting the storage in " + logDir() + " failed"));
    }

    private JavaCommand javaCommand(String classpath, String mainClass, boolean detachedJvm) {
        Path log4j =
                ServerResources.copy(
                        "kafka", "log4j.properties", dir().resolve("conf/log4j.properties"));
        return new JavaCommand(classpath, mainClass, detachedJvm)
                .jvmOptions(List.of("-Xms128m", "-Xmx384m"))
                .jvmOptions(ServerResources.jvmOptions("kafka"))
                .jvmOption("-Dlog4j.configuration=" + log4j.toUri())
                .jvmOption("-Dkafka.logs.dir=" + dir());
    }

    private Path logDir() {
        return dir().resolve("data");
    }
}
