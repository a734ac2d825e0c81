package io.eventpipe.job.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * Where and how the job writes its rows to Cassandra.
 *
 * @param username null for a cluster without authentication
 * @param password null for a cluster without authentication; never printed
 */
public record CassandraOptions(
        List<String> hosts,
        int port,
        String localDatacenter,
        String keyspace,
        String replication,
        String username,
        String password,
        int maxBatchRows,
        Duration flushInterval,
        int maxInFlightRequests,
        int maxRetries,
        String consistencyLevel)
        implements Serializable {

    public CassandraOptions {
        hosts = List.copyOf(hosts);
    }

    @Override
    public String toString() {
        return "CassandraOptions[hosts="
                + hosts
                + ", port="
                + port
                + ", localDatacenter="
                + localDatacenter
                + ", keyspace="
                + keyspace
                + ", replication="
                + replication
                + ", username="
                + username
                + ", password="
                + (password == null ? "none" : "***")
                + ", maxBatchRows="
                + maxBatchRows
                + ", flushInterval="
                + flushInterval
                + ", maxInFlightRequests="
                + maxInFlightRequests
                + ", maxRetries="
                + maxRetries
                + ", consistencyLevel="
                + consistencyLevel
                + "]";
    }
}
