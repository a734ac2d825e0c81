package io.eventpipe.job.sink;

/**
 * A write the sink could not complete: retries exhausted, or a failure no retry can fix. It fails
 * the job, which restarts from its last completed checkpoint and writes the rows again.
 */
public final class CassandraWriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String table;

    public CassandraWriteException(String table, Throwable cause) {
        super(
                "Writing to Cassandra table "
                        + table
                        + " failed: "
                        + cause
                        + " (the job restarts from its last checkpoint and writes these rows again)",
                cause);
        this.table = table;
    }

    /** The table the failed write was for, keyspace-qualified. */
    public String table() {
        return table;
    }
}
