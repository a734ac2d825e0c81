package io.eventpipe.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stats-api service run from its fat jar as a child JVM, configured through the environment
 * variables its module documents, pointed at the local Cassandra.
 *
 * <p>Ready once {@code GET /health} answers 200.
 */
public final class StatsApiProcess implements LocalServer {

    private static final Logger LOG = LoggerFactory.getLogger(StatsApiProcess.class);
    private static final String NAME = "stats-api";
    private static final String MAIN_CLASS = "io.eventpipe.stats.StatsApi";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final Path jar;
    private final Path dataDir;
    private final int port;
    private final CassandraServer cassandra;
    private final boolean detached;
    private final HttpClient http = HttpClient.newHttpClient();
    private ChildProcess process;

    public StatsApiProcess(
            Path jar, Path dataDir, int port, CassandraServer cassandra, boolean detached) {
        this.jar = jar;
        this.dataDir = dataDir.resolve("stats-api");
        this.port = port;
        this.cassandra = cassandra;
        this.detached = detached;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Path logFile() {
        return dataDir.resolve("stats-api.log");
    }

    @Override
    public synchronized void start() {
        Ports.requireFree(NAME, logFile(), port);
        List<String> command =
                new JavaCommand(jar.toString(), MAIN_CLASS, detached)
                        .jvmOptions(List.of("-Xms64m", "-Xmx256m"))
                        .build();
        process = ChildProcess.start(NAME, command, logFile(), environment(), detached);
        new Readiness(NAME, port, logFile()).await(START_TIMEOUT, this::probe, process);
        LOG.info("stats-api is ready at {}", url());
    }

    @Override
    public synchronized void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    @Override
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** True when {@code GET /health} answers 200 now. */
    public boolean isHealthy() {
        try {
            probe();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private Map<String, String> environment() {
        return Map.of(
                "STATS_API_HOST",
                "127.0.0.1",
                "STATS_API_PORT",
                Integer.toString(port),
                "CASSANDRA_CONTACT_POINTS",
                cassandra.host() + ":" + cassandra.cqlPort(),
                "CASSANDRA_LOCAL_DATACENTER",
                cassandra.localDatacenter());
    }

    private void probe() throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(url() + "/health"))
                        .timeout(Duration.ofSeconds(5))
                        .build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IllegalStateException("GET /health answered " + status);
        }
    }
}
