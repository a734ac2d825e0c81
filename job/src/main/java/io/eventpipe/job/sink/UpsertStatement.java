package io.eventpipe.job.sink;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;

/**
 * Binds a row type to one Cassandra table: the columns of its INSERT, the partition key of a row
 * and the values bound to the INSERT.
 *
 * <p>An implementation must produce an upsert of absolute values: writing the same row twice must
 * leave the table as writing it once. That is what turns the sink's at-least-once writes into
 * exactly-once results, so counters, increments and anything non-deterministic (now(), random ids)
 * do not belong here. Values use the plain Java types listed in {@link UpsertRow}.
 *
 * @param <T> the row type
 */
public interface UpsertStatement<T> extends Serializable {

    /** The table name, without keyspace. */
    String table();

    /** The columns the INSERT sets, in the order of {@link #values(Object)}. */
    List<String> columns();

    /** The values of the partition key columns of {@code row}. */
    List<Object> partitionKey(T row);

    /** The value of every column of {@link #columns()} for {@code row}, in the same order. */
    List<Object> values(T row);

    /**
     * The CQL INSERT (an upsert in Cassandra) with one bind marker per column, then one for the
     * write timestamp.
     */
    default String insertCql(String keyspace) {
        return "INSERT INTO "
                + keyspace
                + "."
                + table()
                + " ("
                + String.join(", ", columns())
                + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns().size(), "?"))
                + ") USING TIMESTAMP ?";
    }

    /** The buffered form of {@code row}, to be written with timestamp {@code writeTimeMicros}. */
    default UpsertRow toUpsertRow(T row, long writeTimeMicros) {
        return new UpsertRow(partitionKey(row), values(row), writeTimeMicros);
    }
}
