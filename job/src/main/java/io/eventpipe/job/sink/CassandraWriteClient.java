package io.eventpipe.job.sink;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Writes rows of one Cassandra partition in one request; the seam between the sink's writer and the
 * driver, so tests can complete, delay or fail writes at will.
 *
 * <p>Implementations need not be thread-safe for {@link #close()}, but {@link
 * #writePartition(List)} may be called from several threads at once (retries run on a scheduler).
 */
public interface CassandraWriteClient extends AutoCloseable {

    /**
     * Upserts {@code rows}, which all share one partition key, as one request.
     *
     * @return a stage that completes when Cassandra acknowledged every row, or fails with the
     *     driver's exception
     */
    CompletionStage<Void> writePartition(List<UpsertRow> rows);

    /** Releases connections; pending writes may fail. */
    @Override
    void close();
}
