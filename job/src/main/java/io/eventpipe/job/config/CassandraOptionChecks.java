package io.eventpipe.job.config;

import io.eventpipe.job.sink.CassandraSinkConfig;
import io.eventpipe.job.sink.CqlReservedWords;
import java.util.Map;

/**
 * The checks of the Cassandra and sink options, mirroring what {@link CassandraSinkConfig} and
 * Cassandra accept so that a bad value is named by its option at start-up.
 */
final class CassandraOptionChecks {

    private final OptionChecks checks;

    CassandraOptionChecks(OptionChecks checks) {
        this.checks = checks;
    }

    void check(JobCommandLine options, Map<String, String> environment) {
        checkHosts(options);
        checks.checkRange("--cassandra-port", options.cassandraPort, 1, 65535);
        checks.checkNotBlank("--cassandra-datacenter", options.cassandraDatacenter);
        checkKeyspace(options.keyspace);
        checkReplication(options.replication);
        checkCredentials(options.username(environment), options.password(environment));
        checks.checkRange(
                "--sink-max-batch-rows",
                options.sinkMaxBatchRows,
                1,
                CassandraSinkConfig.MAX_BATCH_ROWS_LIMIT);
        checks.checkPositive("--sink-flush-interval", options.sinkFlushInterval);
        checks.checkRange(
                "--sink-max-in-flight",
                options.sinkMaxInFlight,
                1,
                CassandraSinkConfig.MAX_IN_FLIGHT_LIMIT);
        checks.checkRange(
                "--sink-max-retries",
                options.sinkMaxRetries,
                0,
                CassandraSinkConfig.MAX_RETRIES_LIMIT);
        if (!CassandraSinkConfig.WRITE_CONSISTENCY_LEVELS.contains(options.sinkConsistency)) {
            throw checks.invalid(
                    "--sink-consistency",
                    options.sinkConsistency,
                    "one of " + CassandraSinkConfig.WRITE_CONSISTENCY_LEVELS);
        }
    }

    private void checkHosts(JobCommandLine options) {
        if (options.cassandraHosts.stream()
                .anyMatch(host -> host.isBlank() || isHostAndPort(host))) {
            throw checks.invalid(
                    "--cassandra-hosts",
                    String.join(",", options.cassandraHosts),
                    "host names or IP addresses, comma separated, without a port"
                            + " (that is --cassandra-port)");
        }
    }

    // The driver would try to resolve host:port as a host name; IPv6 addresses have two colons.
    private static boolean isHostAndPort(String host) {
        return host.chars().filter(c -> c == ':').count() == 1;
    }

    private void checkKeyspace(String keyspace) {
        if (!CassandraSinkConfig.KEYSPACE_NAME.matcher(keyspace).matches()) {
            throw checks.invalid(
                    "--keyspace",
                    keyspace,
                    "a letter then up to 47 letters, digits or underscores");
        }
        if (CqlReservedWords.isReserved(keyspace)) {
            throw checks.invalid("--keyspace", keyspace, "a name that is not a CQL reserved word");
        }
    }

    private void checkReplication(String replication) {
        try {
            ReplicationMap.canonical(replication);
        } catch (IllegalArgumentException malformed) {
            throw checks.invalid(
                    "--replication",
                    replication,
                    ReplicationMap.ACCEPTED + " (" + malformed.getMessage() + ")");
        }
    }

    // The driver authenticates with both or neither; the password itself is never printed.
    private void checkCredentials(String username, String password) {
        if (username != null && password == null) {
            throw checks.invalid(
                    "--cassandra-password",
                    "(none)",
                    "a password with --cassandra-username or CASSANDRA_USERNAME: give"
                            + " --cassandra-password or CASSANDRA_PASSWORD");
        }
        if (username == null && password != null) {
            throw checks.invalid(
                    "--cassandra-username",
                    "(none)",
                    "a user name with --cassandra-password or CASSANDRA_PASSWORD: give"
                            + " --cassandra-username or CASSANDRA_USERNAME");
        }
    }
}
