package io.eventpipe.local;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A single-node Cassandra 5.0 listening on 127.0.0.1, with its data under {@code
 * <dataDir>/cassandra}. It can be stopped and started again on the same ports and data, which the
 * fault tests use.
 *
 * <p>Sized for a laptop: a small heap, one token and no gossip settling wait, so it is ready in
 * well under a minute. It is ready only once a real CQL session can query it.
 *
 * <p>A server for throwaway data (tests) may skip flushing the schema tables on every schema
 * change, which makes {@code CREATE TABLE} much faster on a busy machine. The price: after a crash
 * (no clean stop) Cassandra restarts without the tables created since their last flush, and the
 * commit log replay then skips their rows. A server holding a user's data never takes it.
 */
public final class CassandraServer extends ChildProcessServer {

    private static final String NAME = "Cassandra";
    private static final String DATACENTER = "datacenter1";
    private static final String MAIN_CLASS = "org.apache.cassandra.service.CassandraDaemon";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final int cqlPort;
    private final int storagePort;
    private final boolean throwawayData;

    /**
     * @param dataDir the stack's data directory; Cassandra uses its {@code cassandra} subdirectory
     * @param cqlPort the native protocol port (9042 for {@code ./pipeline})
     * @param storagePort the inter-node port, bound although there is only one node
     * @param detached whether the server outlives this JVM
     * @param throwawayData whether its data may be lost in a crash, for faster schema changes
     */
    public CassandraServer(
            Path dataDir, int cqlPort, int storagePort, boolean detached, boolean throwawayData) {
        super(NAME, dataDir.resolve("cassandra"), "cassandra.log", detached);
        this.cqlPort = cqlPort;
        this.storagePort = storagePort;
        this.throwawayData = throwawayData;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int cqlPort() {
        return cqlPort;
    }

    /** The data centre name clients must use as their local one. */
    public String localDatacenter() {
        return DATACENTER;
    }

    @Override
    public synchronized void start() {
        requireFree(cqlPort, storagePort);
        String classpath = ServerClasspath.resolve("cassandra");
        Path yaml = new CassandraConfig(dir(), cqlPort, storagePort).write();
        Path logback =
                ServerResources.copy("cassandra", "logback.xml", dir().resolve("conf/logback.xml"));
        List<String> command =
                new JavaCommand(classpath, MAIN_CLASS, detached())
                        .prefix(withoutMemoryLocking())
                        .jvmOptions(List.of("-Xms256m", "-Xmx768m"))
                        .jvmOptions(ServerResources.jvmOptions("cassandra"))
                        .jvmOptions(jammAgent(classpath))
                        .jvmOptions(systemProperties(yaml, logback))
                        .build();
        launch(NAME, command, logFile(), Map.of());
        awaitReady(cqlPort, START_TIMEOUT, this::probe, host() + ":" + cqlPort);
    }

    /** Opens a CQL session to this server; the caller closes it. */
    public CqlSession session() {
        DriverConfigLoader config =
                DriverConfigLoader.programmaticBuilder()
                        .withDuration(
                                DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT,
                                Duration.ofSeconds(10))
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                        .build();
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress(host(), cqlPort))
                .withLocalDatacenter(DATACENTER)
                .withConfigLoader(config)
                .build();
    }

    private void probe() {
        if (!Ports.isListening(cqlPort)) {
            throw new IllegalStateException("the CQL port is not open yet");
        }
        try (CqlSession session = session()) {
            session.execute("SELECT release_version FROM system.local").one();
        }
    }

    private List<String> systemProperties(Path yaml, Path logback) {
        List<String> properties =
                new ArrayList<>(
                        List.of(
                                "-Dcassandra.config=" + yaml.toUri(),
                                "-Dcassandra.storagedir=" + dir(),
                                "-Dcassandra-foreground=yes",
                                "-Dlogback.configurationFile=" + logback,
                                // A single node has no peers to wait for.
                                "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                                "-Dcassandra.ring_delay_ms=100",
                                "-Dcassandra.superuser_setup_delay_ms=0"));
        if (throwawayData) {
            // Schema changes reach the commit log but skip the immediate flush of the schema
            // tables, which on a busy 2-core machine made CREATE TABLE take seconds.
            properties.add("-Dcassandra.test.flush_local_schema_changes=false");
        }
        return properties;
    }

    /** Cassandra measures object sizes best with its jamm agent, which is on its classpath. */
    private static List<String> jammAgent(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> Path.of(entry).getFileName().toString().startsWith("jamm-"))
                .map(entry -> "-javaagent:" + entry)
                .toList();
    }

    /**
     * Run as root, Cassandra would mlock its whole heap; dropping CAP_IPC_LOCK makes that attempt
     * fail harmlessly, so the server only uses the memory it touches.
     */
    private static List<String> withoutMemoryLocking() {
        List<String> prefix = new ArrayList<>();
        boolean root = new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        if (root && new File("/usr/bin/setpriv").canExecute()) {
            prefix.addAll(
                    List.of(
                            "/usr/bin/setpriv",
                            "--inh-caps=-ipc_lock",
                            "--bounding-set=-ipc_lock"));
        }
        return prefix;
    }
}
