package io.eventpipe.stats;

import io.eventpipe.stats.config.ConfigException;
import io.eventpipe.stats.config.StatsApiConfig;
import io.eventpipe.stats.http.WebServer;
import io.eventpipe.stats.service.StatsService;
import io.eventpipe.stats.store.CassandraConnector;
import io.eventpipe.stats.store.StatsStore;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stats-api service: serves the analytics the job writes to Cassandra over HTTP.
 *
 * <p>Configured only by environment variables, each optional (ENV.md explains them):
 *
 * <ul>
 *   <li>{@code STATS_API_HOST} (127.0.0.1), {@code STATS_API_PORT} (8080): where HTTP listens;
 *   <li>{@code STATS_API_MAX_RANGE} (P31D): the longest from/to range of a request;
 *   <li>{@code CASSANDRA_CONTACT_POINTS} (127.0.0.1:9042), {@code CASSANDRA_LOCAL_DATACENTER}
 *       (datacenter1), {@code CASSANDRA_KEYSPACE} (analytics);
 *   <li>{@code CASSANDRA_USERNAME}, {@code CASSANDRA_PASSWORD} (none): both or neither;
 *   <li>{@code CASSANDRA_QUERY_TIMEOUT} (PT2S): per Cassandra request.
 * </ul>
 *
 * <p>A bad value stops start-up with exit code 2 and a message naming the variable; a host and port
 * it cannot listen on, with exit code 1, before any Cassandra connection is attempted. The HTTP
 * server starts at once, even while Cassandra is down: requests then get 503 and {@code /ready}
 * says why, until the background connection succeeds. SIGTERM stops the HTTP server (letting
 * in-flight requests finish) and then closes the Cassandra session.
 */
public final class StatsApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatsApi.class);
    private static final int QUERY_THREADS = 8;

    private final Javalin app;
    private final CassandraConnector connector;
    private final ExecutorService queries;
    private final JvmGcMetrics gcMetrics;

    private StatsApi(
            Javalin app,
            CassandraConnector connector,
            ExecutorService queries,
            JvmGcMetrics gcMetrics) {
        this.app = app;
        this.connector = connector;
        this.queries = queries;
        this.gcMetrics = gcMetrics;
    }

    public static void main(String[] args) {
        StatsApiConfig config;
        try {
            config = StatsApiConfig.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            LOG.error("Bad configuration, not starting: {}", e.getMessage());
            System.exit(2);
            return;
        }
        StatsApi api;
        try {
            api = start(config, Clock.systemUTC());
        } catch (RuntimeException e) { // exit, or the driver's and Jetty's threads keep the JVM
            LOG.error("Not starting: {}", e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(api::close, "stats-api-shutdown"));
    }

    /**
     * Starts the service; returns once the HTTP port is bound, then connects to Cassandra in the
     * background.
     *
     * @throws IllegalStateException naming STATS_API_HOST/STATS_API_PORT if it cannot listen there;
     *     it then closes what it created first, so that no thread is left to keep the JVM alive
     */
    public static StatsApi start(StatsApiConfig config, Clock clock) {
        LOG.info("Starting stats-api with {}", config);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JvmGcMetrics gcMetrics = bindJvmMetrics(registry);
        CassandraConnector connector = new CassandraConnector(config);
        StatsStore store = new StatsStore(connector, config.keyspace(), registry);
        ExecutorService queries = queryExecutor();
        StatsService service = new StatsService(store, clock, queries);
        Javalin app =
                WebServer.create(service, store::readiness, registry, clock, config.maxRange());
        StatsApi api = new StatsApi(app, connector, queries, gcMetrics);
        try {
            app.start(config.host(), config.port());
        } catch (Exception e) { // Javalin rethrows a checked ExecutionException unchecked
            // Javalin has stopped its server already; stopping it again only logs noise.
            api.releaseResources();
            throw new IllegalStateException(
                    String.format(
                            "could not listen on STATS_API_HOST=%s STATS_API_PORT=%d: %s",
                            config.host(), config.port(), rootCause(e)),
                    e);
        }
        LOG.info("stats-api listening on {}:{}", config.host(), app.port());
        connector.startConnecting();
        return api;
    }

    /** The bound HTTP port (useful when configured as 0). */
    public int port() {
        return app.port();
    }

    /** Stops serving, then closes the Cassandra session; each step runs even if one fails. */
    @Override
    public void close() {
        LOG.info("Stopping stats-api");
        try {
            app.stop();
        } catch (RuntimeException e) {
            LOG.warn("HTTP server did not stop cleanly", e);
        }
        releaseResources();
    }

    /** Closes all but the HTTP server; each step runs even if one fails. */
    private void releaseResources() {
        queries.shutdownNow();
        try {
            connector.close();
        } catch (RuntimeException e) {
            LOG.warn("Cassandra session did not close cleanly", e);
        }
        gcMetrics.close();
    }

    /**
     * Threads that run the per-type Cassandra reads of one overview concurrently. Bounded: under
     * load, work queues here instead of opening more concurrent reads than Cassandra serves well.
     */
    private static ExecutorService queryExecutor() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(
                QUERY_THREADS,
                task -> {
                    Thread thread = new Thread(task, "stats-query-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    // Javalin wraps the socket's own error (address in use, unresolved host) in its own.
    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null
                ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static JvmGcMetrics bindJvmMetrics(PrometheusMeterRegistry registry) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        return gcMetrics;
    }
}
