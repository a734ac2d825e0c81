package io.eventpipe.job.sink;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/**
 * Stores the rows still buffered in a writer into its checkpoint state, and reads them back on
 * restore.
 *
 * <p>The sink flushes at every checkpoint, so the buffer is normally empty when state is taken; the
 * serializer still keeps every row so that nothing is lost if that ever changes.
 */
public final class UpsertRowStateSerializer extends AsyncSinkWriterStateSerializer<UpsertRow> {

    @Override
    protected void serializeRequestToStream(UpsertRow row, DataOutputStream out)
            throws IOException {
        CqlValueCodec.writeList(row.partitionKey(), out);
        CqlValueCodec.writeList(row.values(), out);
        out.writeLong(row.writeTimeMicros());
    }

    @Override
    protected UpsertRow deserializeRequestFromStream(long requestSize, DataInputStream in)
            throws IOException {
        List<Object> partitionKey = CqlValueCodec.readList(in);
        List<Object> values = CqlValueCodec.readList(in);
        return new UpsertRow(partitionKey, values, in.readLong());
    }

    @Override
    public int getVersion() {
        return 1;
    }
}
