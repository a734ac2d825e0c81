package io.eventpipe.local.cli;

import java.util.OptionalLong;

/**
 * One event ready for Kafka: its record key (null: {@link KafkaEventSender} spreads keyless records
 * round-robin over the partitions), its value bytes, and its event time when known (used for pacing
 * only).
 */
record OutgoingEvent(String key, byte[] value, OptionalLong eventTimeMillis) {

    static OutgoingEvent untimed(String key, byte[] value) {
        return new OutgoingEvent(key, value, OptionalLong.empty());
    }
}
