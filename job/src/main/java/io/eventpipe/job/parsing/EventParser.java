package io.eventpipe.job.parsing;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.eventpipe.job.records.FieldMapping;
import io.eventpipe.job.records.ParsedEvent;
import io.eventpipe.job.records.RawEvent;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a raw record into a {@link ParsedEvent} by the configured {@link FieldMapping}, or says why
 * it cannot.
 *
 * <p>Never throws for bad input: every record gets either an event or a reason. Unknown fields are
 * ignored. Event types are restricted to ASCII letters, digits and {@code _.:-} (1 to 64 of them)
 * because they become Cassandra partition keys and URL path segments downstream.
 */
public final class EventParser implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    /**
     * The longest key counted for the top keys. Keys are stored in the window rows, and a row must
     * stay far below the sink's size limit whatever the producers send.
     */
    public static final int MAX_KEY_CHARS = 1024;

    private final FieldMapping mapping;
    private transient ObjectReader reader;
    private transient Map<String, JsonPointer> pointers;

    public EventParser(FieldMapping mapping) {
        this.mapping = mapping;
    }

    /** The event in {@code raw}, or the reason it is not one. */
    public ParseOutcome parse(RawEvent raw) {
        try {
            return ParseOutcome.valid(toEvent(raw));
        } catch (InvalidEventException invalid) {
            return ParseOutcome.invalid(invalid.reason());
        } catch (RuntimeException unexpected) {
            // No record may fail the job: a parser bug dead-letters the record instead of
            // sending the job into a restart loop on it.
            return ParseOutcome.invalid(InvalidReasons.UNREADABLE);
        }
    }

    private ParsedEvent toEvent(RawEvent raw) throws InvalidEventException {
        if (raw.value() == null || raw.value().length == 0) {
            throw new InvalidEventException(InvalidReasons.EMPTY_VALUE);
        }
        if (raw.value().length > mapping.maxEventBytes()) {
            throw new InvalidEventException(InvalidReasons.OVERSIZE);
        }
        JsonNode root = readObject(raw.value());
        String type = eventType(root);
        String user = scalar(root, mapping.userField());
        long time = EventTimeReader.read(present(root, mapping.timeField()), mapping.timeFormat());
        String key = mapping.keyField() == null ? null : key(root, mapping.keyField());
        String id = mapping.idField() == null ? null : scalar(root, mapping.idField());
        return new ParsedEvent(type, user, time, key, id, raw);
    }

    private JsonNode readObject(byte[] value) throws InvalidEventException {
        try {
            JsonNode root = reader().readTree(value);
            if (root == null || !root.isObject()) {
                throw new InvalidEventException(InvalidReasons.INVALID_JSON);
            }
            return root;
        } catch (IOException notJson) {
            throw new InvalidEventException(InvalidReasons.INVALID_JSON);
        }
    }

    private String eventType(JsonNode root) throws InvalidEventException {
        JsonNode field = present(root, mapping.typeField());
        if (!field.isTextual() || !EVENT_TYPE.matcher(field.textValue()).matches()) {
            throw new InvalidEventException(InvalidReasons.BAD_TYPE);
        }
        return field.textValue();
    }

    private String scalar(JsonNode root, String pointer) throws InvalidEventException {
        JsonNode field = present(root, pointer);
        if (!field.isTextual() && !field.isNumber()) {
            throw new InvalidEventException(InvalidReasons.badField(pointer));
        }
        String text = field.asText();
        if (text.isEmpty()) {
            throw new InvalidEventException(InvalidReasons.missingField(pointer));
        }
        return text;
    }

    private String key(JsonNode root, String pointer) throws InvalidEventException {
        String key = scalar(root, pointer);
        if (key.length() > MAX_KEY_CHARS) {
            throw new InvalidEventException(InvalidReasons.badField(pointer));
        }
        return key;
    }

    private JsonNode present(JsonNode root, String pointer) throws InvalidEventException {
        JsonNode field = root.at(pointers().computeIfAbsent(pointer, JsonPointer::compile));
        if (field.isMissingNode() || field.isNull()) {
            throw new InvalidEventException(InvalidReasons.missingField(pointer));
        }
        return field;
    }

    // Compiled once per pointer: the same few pointers are read from every record.
    private Map<String, JsonPointer> pointers() {
        if (pointers == null) {
            pointers = new HashMap<>();
        }
        return pointers;
    }

    private ObjectReader reader() {
        if (reader == null) {
            // Trailing garbage after the object means the producer wrote something else.
            reader =
                    new ObjectMapper()
                            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                            .reader();
        }
        return reader;
    }
}
