package io.eventpipe.job.sink;

import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/**
 * Turns a row into its buffered {@link UpsertRow}, stamped with a write timestamp that strictly
 * increases within the writer, so a later version of a row always wins over an earlier one.
 *
 * <p>The timestamp is the wall clock in microseconds, bumped by one when the clock has not moved
 * (or moved back) since the previous row. Each parallel writer has its own converter (the sink is
 * deserialized per subtask), and one row key is always written by one writer.
 */
final class UpsertRowConverter<T> implements ElementConverter<T, UpsertRow> {

    private static final long serialVersionUID = 1L;

    private final UpsertStatement<T> statement;
    private transient long lastWriteTimeMicros;

    UpsertRowConverter(UpsertStatement<T> statement) {
        this.statement = statement;
    }

    @Override
    public UpsertRow apply(T row, SinkWriter.Context context) {
        return statement.toUpsertRow(row, nextWriteTimeMicros());
    }

    long nextWriteTimeMicros() {
        long nowMicros = System.currentTimeMillis() * 1_000;
        lastWriteTimeMicros = Math.max(nowMicros, lastWriteTimeMicros + 1);
        return lastWriteTimeMicros;
    }
}
