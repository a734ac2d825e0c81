package io.eventpipe.job.sink;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One row waiting in the sink's buffer: its Cassandra partition key, the values bound to the
 * table's INSERT in bind-marker order, and its write timestamp.
 *
 * <p>Values are plain Java types that {@link CqlValueCodec} can store in the writer's checkpoint
 * state: {@code String}, {@code Long}, {@code Boolean}, {@code Instant} (timestamp), {@code
 * LocalDate} (date), {@code byte[]} (blob), {@code Map<String, Long>} (map of text to bigint), or
 * null. The partition key decides which rows may share an UNLOGGED batch. The write timestamp
 * (microseconds, taken when the row entered the sink) is what Cassandra orders versions of a row
 * by, so a retried or batched older version can never overwrite a newer one.
 */
public final class UpsertRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<Object> partitionKey;
    private final List<Object> values;
    private final long writeTimeMicros;

    public UpsertRow(List<Object> partitionKey, List<Object> values, long writeTimeMicros) {
        this.partitionKey = Collections.unmodifiableList(new ArrayList<>(partitionKey));
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
        this.writeTimeMicros = writeTimeMicros;
    }

    /** The values of the partition key columns; equal lists mean the same partition. */
    public List<Object> partitionKey() {
        return partitionKey;
    }

    /** The values of the INSERT's bind markers, in order. */
    public List<Object> values() {
        return values;
    }

    /** The write timestamp in microseconds since the epoch, bound to USING TIMESTAMP. */
    public long writeTimeMicros() {
        return writeTimeMicros;
    }

    @Override
    public String toString() {
        return "UpsertRow{partitionKey=" + partitionKey + ", columns=" + values.size() + "}";
    }
}
