package io.eventpipe.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The stats-api service run from its fat jar as a child JVM, configured through the environment
 * variables its module documents, pointed at the local Cassandra.
 *
 * <p>Ready once {@code GET /health} answers 200.
 */
public final class StatsApiProcess extends ChildProcessServer {

    private static final String NAME = "stats-api";
    private static final String MAIN_CLASS = "io.eventpipe.stats.StatsApi";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final Path jar;
    private final int port;
    private final CassandraServer cassandra;
    private final HttpClient http = HttpClient.newHttpClient();

    public StatsApiProcess(
            Path jar, Path dataDir, int port, CassandraServer cassandra, boolean detached) {
        super(NAME, dataDir.resolve("stats-api"), "stats-api.log", detached);
        this.jar = jar;
        this.port = port;
        this.cassandra = cassandra;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void start() {
        requireFree(port);
        List<String> command =
                new JavaCommand(jar.toString(), MAIN_CLASS, detached())
                        .jvmOptions(List.of("-Xms64m", "-Xmx256m"))
                        .build();
        launch(NAME, command, logFile(), environment());
        awaitReady(port, START_TIMEOUT, this::probe, url());
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
