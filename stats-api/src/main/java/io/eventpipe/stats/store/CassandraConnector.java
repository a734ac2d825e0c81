package io.eventpipe.stats.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.eventpipe.stats.config.StatsApiConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the one Cassandra session of the service and opens it in the background.
 *
 * <p>The service must start, and answer 503, while Cassandra is still down, so the session is built
 * asynchronously with the driver's {@code reconnect-on-init}: the driver keeps retrying the contact
 * points with its reconnection policy until one answers. Once connected, the driver itself
 * reconnects to nodes that go away and come back. The session is opened without a keyspace, so it
 * connects even before the job has created the schema.
 */
public final class CassandraConnector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CassandraConnector.class);
    // Caps the driver's exponential reconnection delay so that the service notices a restarted
    // Cassandra within seconds rather than the driver's default minute.
    private static final Duration MAX_RECONNECTION_DELAY = Duration.ofSeconds(5);

    private final StatsApiConfig config;
    // Completed by the driver's asynchronous build once startConnecting has been called.
    private final CompletableFuture<CqlSession> session = new CompletableFuture<>();

    /** A connector that has not started connecting: it opens no connection and no thread yet. */
    public CassandraConnector(StatsApiConfig config) {
        this.config = config;
    }

    /**
     * Starts connecting in the background and returns at once. Called only once the service is sure
     * to run: the driver's retrying connection threads cannot be stopped before it connects.
     */
    public void startConnecting() {
        LOG.info(
                "Connecting to Cassandra {} (datacenter {}) in the background",
                config.contactPointList(),
                config.localDatacenter());
        builder(config)
                .buildAsync()
                .whenComplete(
                        (connected, failure) -> {
                            logOutcome(connected, failure);
                            if (failure == null) {
                                session.complete(connected);
                            } else {
                                session.completeExceptionally(failure);
                            }
                        });
    }

    /** The session, or {@link StoreUnavailableException} while it is not connected yet. */
    public CqlSession session() {
        CqlSession connected = session.getNow(null);
        if (connected == null) {
            throw new StoreUnavailableException("not connected to Cassandra yet", null);
        }
        return connected;
    }

    /** Whether the first connection has succeeded (nodes may still go down later). */
    public boolean isConnected() {
        return session.isDone() && !session.isCompletedExceptionally();
    }

    /**
     * Closes the session. One still connecting is closed as soon as it connects: the driver offers
     * no way to abort its initial connection attempts. Does nothing if connecting never started.
     */
    @Override
    public void close() {
        if (isConnected()) {
            session.join().close();
        } else {
            session.thenAccept(CqlSession::closeAsync);
        }
    }

    private static CqlSessionBuilder builder(StatsApiConfig config) {
        CqlSessionBuilder builder =
                CqlSession.builder()
                        .withLocalDatacenter(config.localDatacenter())
                        .withConfigLoader(driverConfig(config));
        for (InetSocketAddress point : config.contactPoints()) {
            builder.addContactPoint(new InetSocketAddress(point.getHostString(), point.getPort()));
        }
        if (config.username().isPresent() && config.password().isPresent()) {
            builder.withAuthCredentials(config.username().get(), config.password().get());
        }
        return builder;
    }

    private static DriverConfigLoader driverConfig(StatsApiConfig config) {
        return DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, config.queryTimeout())
                .withBoolean(DefaultDriverOption.RECONNECT_ON_INIT, true)
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, MAX_RECONNECTION_DELAY)
                .build();
    }

    private static void logOutcome(CqlSession session, Throwable failure) {
        if (failure == null) {
            LOG.info("Connected to Cassandra, nodes {}", session.getMetadata().getNodes().keySet());
        } else {
            LOG.error(
                    "Could not open the Cassandra session; check the CASSANDRA_* settings",
                    failure);
        }
    }
}
