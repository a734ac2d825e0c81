package io.eventpipe.job.sink;

import com.datastax.driver.core.BatchStatement;
import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.ConsistencyLevel;
import com.datastax.driver.core.PreparedStatement;
import com.datastax.driver.core.ResultSetFuture;
import com.datastax.driver.core.Session;
import com.datastax.driver.core.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes through the DataStax 3.x driver bundled with Flink's Cassandra connector: one prepared
 * INSERT per table, one UNLOGGED batch per partition.
 *
 * <p>Every statement is marked idempotent, which lets the driver retry or speculatively re-send it:
 * the INSERT is an upsert of absolute values, so a duplicate changes nothing. An UNLOGGED batch of
 * one partition becomes a single mutation on the replica, so it is applied atomically and skips the
 * batch log, unlike a multi-partition batch.
 */
final class DriverWriteClient implements CassandraWriteClient {

    private static final Logger LOG = LoggerFactory.getLogger(DriverWriteClient.class);

    private final Cluster cluster;
    private final Session session;
    private final PreparedStatement insert;
    private final ConsistencyLevel consistencyLevel;

    private DriverWriteClient(
            Cluster cluster, Session session, PreparedStatement insert, ConsistencyLevel level) {
        this.cluster = cluster;
        this.session = session;
        this.insert = insert;
        this.consistencyLevel = level;
    }

    /** Connects and prepares the INSERT of {@code statement}; fails fast if the table is wrong. */
    static DriverWriteClient connect(CassandraSinkConfig config, UpsertStatement<?> statement) {
        Cluster cluster = new CassandraClusterBuilder(config).getCluster();
        try {
            Session session = cluster.connect();
            PreparedStatement insert = session.prepare(statement.insertCql(config.keyspace()));
            ConsistencyLevel level = ConsistencyLevel.valueOf(config.consistencyLevel());
            insert.setConsistencyLevel(level).setIdempotent(true);
            LOG.info("Connected to Cassandra for {}.{}", config.keyspace(), statement.table());
            return new DriverWriteClient(cluster, session, insert, level);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    @Override
    public CompletionStage<Void> writePartition(List<UpsertRow> rows) {
        ResultSetFuture pending = session.executeAsync(statementFor(rows));
        CompletableFuture<Void> written = new CompletableFuture<>();
        pending.addListener(() -> completeFrom(pending, written), Runnable::run);
        return written;
    }

    private Statement statementFor(List<UpsertRow> rows) {
        if (rows.size() == 1) {
            return bind(rows.get(0));
        }
        BatchStatement batch = new BatchStatement(BatchStatement.Type.UNLOGGED);
        for (UpsertRow row : rows) {
            batch.add(bind(row));
        }
        batch.setConsistencyLevel(consistencyLevel).setIdempotent(true);
        return batch;
    }

    private Statement bind(UpsertRow row) {
        Object[] values = new Object[row.values().size() + 1];
        for (int i = 0; i < row.values().size(); i++) {
            values[i] = DriverValues.toDriver(row.values().get(i));
        }
        values[values.length - 1] = row.writeTimeMicros();
        return insert.bind(values).setConsistencyLevel(consistencyLevel).setIdempotent(true);
    }

    private static void completeFrom(ResultSetFuture pending, CompletableFuture<Void> written) {
        try {
            // The listener runs once the future is done, so this never blocks.
            pending.getUninterruptibly();
            written.complete(null);
        } catch (RuntimeException e) {
            written.completeExceptionally(e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the Cassandra session failed", e);
        }
        try {
            cluster.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the Cassandra cluster connection failed", e);
        }
    }
}
