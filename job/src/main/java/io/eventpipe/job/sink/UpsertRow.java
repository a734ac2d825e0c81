package io.eventpipe.job.sink;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One row waiting in the sink's buffer: its Cassandra partition key and the values bound to the
 * table's INSERT, in bind-marker order.
 *
 * <p>Values are plain Java types that {@link CqlValueCodec} can store in the writer's checkpoint
 * state: {@code String}, {@code Long}, {@code Boolean}, {@code Instant} (timestamp), {@code
 * LocalDate} (date), {@code byte[]} (blob), {@code Map<String, Long>} (map of text to bigint), or
 * null. The partition key decides which rows may share an UNLOGGED batch.
 */
public final class UpsertRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<Object> partitionKey;
    private final List<Object> values;

    public UpsertRow(List<Object> partitionKey, List<Object> values) {
        this.partitionKey = Collections.unmodifiableList(new ArrayList<>(partitionKey));
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** The values of the partition key columns; equal lists mean the same partition. */
    public List<Object> partitionKey() {
        return partitionKey;
    }

    /** The values of the INSERT's bind markers, in order. */
    public List<Object> values() {
        return values;
    }

    @Override
    public String toString() {
        return "UpsertRow{partitionKey=" + partitionKey + ", columns=" + values.size() + "}";
    }
}
