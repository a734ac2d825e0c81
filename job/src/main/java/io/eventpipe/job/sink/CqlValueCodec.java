package io.eventpipe.job.sink;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the values of an {@link UpsertRow} in a compact, tagged binary form for the
 * writer's checkpoint state.
 *
 * <p>A tag byte precedes each value, so the format does not depend on the table and old state stays
 * readable as long as tags are only ever added. An unsupported type fails fast with its class name.
 */
final class CqlValueCodec {

    private static final byte NULL = 0;
    private static final byte TEXT = 1;
    private static final byte BIGINT = 2;
    private static final byte BOOLEAN = 3;
    private static final byte TIMESTAMP = 4;
    private static final byte DATE = 5;
    private static final byte BLOB = 6;
    private static final byte TEXT_BIGINT_MAP = 7;

    private CqlValueCodec() {}

    static void writeList(List<Object> values, DataOutputStream out) throws IOException {
        out.writeInt(values.size());
        for (Object value : values) {
            write(value, out);
        }
    }

    static List<Object> readList(DataInputStream in) throws IOException {
        int size = in.readInt();
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(read(in));
        }
        return values;
    }

    static void write(Object value, DataOutputStream out) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String text) {
            out.writeByte(TEXT);
            writeText(text, out);
        } else if (value instanceof Long number) {
            out.writeByte(BIGINT);
            out.writeLong(number);
        } else if (value instanceof Boolean flag) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(flag);
        } else if (value instanceof Instant instant) {
            out.writeByte(TIMESTAMP);
            out.writeLong(instant.toEpochMilli());
        } else if (value instanceof LocalDate date) {
            out.writeByte(DATE);
            out.writeLong(date.toEpochDay());
        } else if (value instanceof byte[] bytes) {
            out.writeByte(BLOB);
            out.writeInt(bytes.length);
            out.write(bytes);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(map, out);
        } else {
            throw new IllegalArgumentException(
                    "Unsupported CQL value type " + value.getClass().getName());
        }
    }

    private static void writeMap(Map<?, ?> map, DataOutputStream out) throws IOException {
        out.writeByte(TEXT_BIGINT_MAP);
        out.writeInt(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            writeText((String) entry.getKey(), out);
            out.writeLong((Long) entry.getValue());
        }
    }

    static Object read(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case TEXT:
                return readText(in);
            case BIGINT:
                return in.readLong();
            case BOOLEAN:
                return in.readBoolean();
            case TIMESTAMP:
                return Instant.ofEpochMilli(in.readLong());
            case DATE:
                return LocalDate.ofEpochDay(in.readLong());
            case BLOB:
                return in.readNBytes(in.readInt());
            case TEXT_BIGINT_MAP:
                return readMap(in);
            default:
                throw new IOException("Unknown CQL value tag " + tag + " in sink state");
        }
    }

    private static Map<String, Long> readMap(DataInputStream in) throws IOException {
        int size = in.readInt();
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(readText(in), in.readLong());
        }
        return map;
    }

    // Not writeUTF: it caps a string at 64 KB of modified UTF-8.
    private static void writeText(String text, DataOutputStream out) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }
}
