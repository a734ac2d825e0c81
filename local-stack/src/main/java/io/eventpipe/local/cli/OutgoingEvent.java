package io.eventpipe.local.cli;

import java.util.OptionalLong;

/**
 * One event ready for Kafka: its record key (null: {@link KafkaEventSender} spreads keyless records
 * round-robin over the partitions), its value bytes, its event time when known (used for pacing
 * only), and its origin, e.g. "events.jsonl line 14", to name it in a failure report (null for
 * generated events).
 */
record OutgoingEvent(String key, byte[] value, OptionalLong eventTimeMillis, String origin) {

    /** A generated event: no time, no origin. */
    static OutgoingEvent untimed(String key, byte[] value) {
        return new OutgoingEvent(key, value, OptionalLong.empty(), null);
    }
}
