package io.eventpipe.job;

import io.eventpipe.job.config.CassandraOptions;
import io.eventpipe.job.model.TypeTotals;
import io.eventpipe.job.model.WindowStats;
import io.eventpipe.job.sink.CassandraSchema;
import io.eventpipe.job.sink.CassandraSinkConfig;
import io.eventpipe.job.sink.CassandraUpsertSink;
import io.eventpipe.job.sink.TypeTotalsUpsert;
import io.eventpipe.job.sink.WindowStatsUpsert;

/** Connects the job's options to the Cassandra sink: its config, schema and two table sinks. */
final class CassandraOutputs {

    private CassandraOutputs() {}

    static CassandraSinkConfig sinkConfig(CassandraOptions cassandra) {
        return CassandraSinkConfig.builder()
                .contactPoints(cassandra.hosts())
                .port(cassandra.port())
                .localDatacenter(cassandra.localDatacenter())
                .keyspace(cassandra.keyspace())
                .username(cassandra.username())
                .password(cassandra.password())
                .maxBatchRows(cassandra.maxBatchRows())
                .flushInterval(cassandra.flushInterval())
                .maxInFlightRequests(cassandra.maxInFlightRequests())
                .maxRetries(cassandra.maxRetries())
                .consistencyLevel(cassandra.consistencyLevel())
                .build();
    }

    /** Creates the keyspace and tables when missing; fails start-up when Cassandra cannot. */
    static void ensureSchema(CassandraOptions cassandra) {
        CassandraSchema.ensure(sinkConfig(cassandra), cassandra.replication());
    }

    static CassandraUpsertSink<WindowStats> windowStatsSink(CassandraOptions cassandra) {
        return new CassandraUpsertSink<>(sinkConfig(cassandra), new WindowStatsUpsert());
    }

    static CassandraUpsertSink<TypeTotals> typeTotalsSink(CassandraOptions cassandra) {
        return new CassandraUpsertSink<>(sinkConfig(cassandra), new TypeTotalsUpsert());
    }
}
