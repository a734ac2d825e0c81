package io.eventpipe.job.sink;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.ConsistencyLevel;
import com.datastax.driver.core.QueryOptions;
import com.datastax.driver.core.policies.DCAwareRoundRobinPolicy;
import com.datastax.driver.core.policies.ExponentialReconnectionPolicy;
import com.datastax.driver.core.policies.TokenAwarePolicy;
import java.time.Duration;
import org.apache.flink.streaming.connectors.cassandra.ClusterBuilder;

/**
 * Builds the DataStax driver's {@link Cluster} from a {@link CassandraSinkConfig}, through the
 * Cassandra connector's serializable {@link ClusterBuilder}.
 *
 * <p>Queries go to the replicas of each partition in the local data center (token-aware), so an
 * UNLOGGED single-partition batch reaches a replica directly. JMX reporting is off: the driver's
 * reporter needs a Dropwizard JMX module the job does not ship.
 */
public final class CassandraClusterBuilder extends ClusterBuilder {

    private static final long serialVersionUID = 1L;

    // DDL waits for every node to agree on the schema before it returns; a small cluster under
    // load can need longer than the driver's default of 10 s.
    private static final int SCHEMA_AGREEMENT_WAIT_SECONDS = 60;

    // The driver's default waits up to 10 minutes between reconnection attempts, which would
    // keep the job stalled long after a restarted node is back.
    private static final Duration RECONNECT_BASE_DELAY = Duration.ofSeconds(1);
    private static final Duration RECONNECT_MAX_DELAY = Duration.ofSeconds(10);

    private final CassandraSinkConfig config;

    public CassandraClusterBuilder(CassandraSinkConfig config) {
        this.config = config;
    }

    @Override
    protected Cluster buildCluster(Cluster.Builder builder) {
        builder.addContactPoints(config.contactPoints().toArray(new String[0]))
                .withPort(config.port())
                .withLoadBalancingPolicy(
                        new TokenAwarePolicy(
                                DCAwareRoundRobinPolicy.builder()
                                        .withLocalDc(config.localDatacenter())
                                        .build()))
                .withQueryOptions(
                        new QueryOptions()
                                .setConsistencyLevel(
                                        ConsistencyLevel.valueOf(config.consistencyLevel())))
                .withMaxSchemaAgreementWaitSeconds(SCHEMA_AGREEMENT_WAIT_SECONDS)
                .withReconnectionPolicy(
                        new ExponentialReconnectionPolicy(
                                RECONNECT_BASE_DELAY.toMillis(), RECONNECT_MAX_DELAY.toMillis()))
                .withoutJMXReporting();
        if (config.username() != null) {
            builder.withCredentials(config.username(), config.password());
        }
        return builder.build();
    }
}
