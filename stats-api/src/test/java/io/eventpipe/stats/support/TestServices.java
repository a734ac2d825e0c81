package io.eventpipe.stats.support;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.eventpipe.local.CassandraServer;
import io.eventpipe.stats.StatsApi;
import io.eventpipe.stats.config.StatsApiConfig;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;

/** Connects tests and the service under test to the local Cassandra. */
public final class TestServices {

    private TestServices() {}

    /** The service's configuration for the given server and keyspace, on a free HTTP port. */
    public static StatsApiConfig config(CassandraServer cassandra, String keyspace) {
        return StatsApiConfig.fromEnvironment(
                Map.of(
                        StatsApiConfig.PORT,
                        "0",
                        StatsApiConfig.CONTACT_POINTS,
                        cassandra.host() + ":" + cassandra.cqlPort(),
                        StatsApiConfig.LOCAL_DATACENTER,
                        cassandra.localDatacenter(),
                        StatsApiConfig.KEYSPACE,
                        keyspace,
                        // Generous: the machine is shared with other builds.
                        StatsApiConfig.QUERY_TIMEOUT,
                        "PT10S"));
    }

    /** Starts the service over {@code keyspace} and waits until it reports ready. */
    public static StatsApi startReady(CassandraServer cassandra, String keyspace) {
        StatsApi api = StatsApi.start(config(cassandra, keyspace), Clock.systemUTC());
        ApiClient client = new ApiClient(api.port());
        Awaitility.await()
                .atMost(Duration.ofMinutes(1))
                .until(() -> client.get("/ready").status() == 200);
        return api;
    }

    /** A session for writing test rows; the caller closes it. */
    public static CqlSession session(CassandraServer cassandra) {
        DriverConfigLoader config =
                DriverConfigLoader.programmaticBuilder()
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                        .build();
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress(cassandra.host(), cassandra.cqlPort()))
                .withLocalDatacenter(cassandra.localDatacenter())
                .withConfigLoader(config)
                .build();
    }
}
