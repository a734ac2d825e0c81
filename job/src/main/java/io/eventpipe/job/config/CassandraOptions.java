package io.eventpipe.job.config;

import io.eventpipe.job.sink.CassandraSinkConfig;
import java.io.Serializable;

/**
 * Where and how the job writes its rows to Cassandra: the sink's validated configuration, built
 * once from the command line, and the replication of the keyspace the job creates when missing.
 *
 * <p>Printing it never shows the password, as {@link CassandraSinkConfig#toString()} hides it.
 *
 * @param sink the one configuration every Cassandra sink and the schema set-up of the job use
 * @param replication the CQL replication map of the keyspace
 */
public record CassandraOptions(CassandraSinkConfig sink, String replication)
        implements Serializable {}
