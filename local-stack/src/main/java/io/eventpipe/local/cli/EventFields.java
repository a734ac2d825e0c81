package io.eventpipe.local.cli;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;

/**
 * Picks a record's Kafka key and event time out of its JSON.
 *
 * <p>The key is the text of a scalar at the key field (e.g. the user id, so each user's events stay
 * in order on one partition); without one the key is null and {@link KafkaEventSender} spreads such
 * records round-robin over all partitions. The time is read only when replay is paced.
 */
final class EventFields {

    private final JsonPointer keyField;
    private final JsonPointer timeField;
    private final TimeFormat timeFormat;

    /** {@code timeField} null: records carry no time (replay as fast as possible). */
    EventFields(JsonPointer keyField, JsonPointer timeField, TimeFormat timeFormat) {
        this.keyField = keyField;
        this.timeField = timeField;
        this.timeFormat = timeFormat;
    }

    OutgoingEvent toOutgoing(FileRecord record) {
        JsonNode json = record.json();
        if (json == null) {
            return new OutgoingEvent(null, record.value(), OptionalLong.empty(), record.origin());
        }
        return new OutgoingEvent(keyOf(json), record.value(), timeOf(json), record.origin());
    }

    private String keyOf(JsonNode json) {
        JsonNode key = json.at(keyField);
        return key.isValueNode() && !key.isNull() ? key.asText() : null;
    }

    private OptionalLong timeOf(JsonNode json) {
        return timeField == null
                ? OptionalLong.empty()
                : timeFormat.toEpochMillis(json.at(timeField));
    }
}
