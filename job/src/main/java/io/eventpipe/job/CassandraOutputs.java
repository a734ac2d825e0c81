package io.eventpipe.job;

import io.eventpipe.job.config.CassandraOptions;
import io.eventpipe.job.model.TypeTotals;
import io.eventpipe.job.model.WindowStats;
import io.eventpipe.job.sink.CassandraSchema;
import io.eventpipe.job.sink.CassandraUpsertSink;
import io.eventpipe.job.sink.TypeTotalsUpsert;
import io.eventpipe.job.sink.WindowStatsUpsert;

/** Connects the job's Cassandra options to the schema set-up and the two table sinks. */
final class CassandraOutputs {

    private CassandraOutputs() {}

    /** Creates the keyspace and tables when missing; fails start-up when Cassandra cannot. */
    static void ensureSchema(CassandraOptions cassandra) {
        CassandraSchema.ensure(cassandra.sink(), cassandra.replication());
    }

    static CassandraUpsertSink<WindowStats> windowStatsSink(CassandraOptions cassandra) {
        return new CassandraUpsertSink<>(cassandra.sink(), new WindowStatsUpsert());
    }

    static CassandraUpsertSink<TypeTotals> typeTotalsSink(CassandraOptions cassandra) {
        return new CassandraUpsertSink<>(cassandra.sink(), new TypeTotalsUpsert());
    }
}
