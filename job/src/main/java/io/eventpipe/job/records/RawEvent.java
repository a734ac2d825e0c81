package io.eventpipe.job.records;

import java.io.Serializable;

/**
 * One Kafka record as read, before any parsing: its value and key bytes and where it came from.
 *
 * <p>The bytes are kept unchanged so that a record that cannot be aggregated reaches the
 * dead-letter topic exactly as it was produced, key included.
 *
 * @param value the value; null for a record without one (a tombstone), which is kept apart from a
 *     zero-length value so that its dead letter is a tombstone again
 * @param key the key, or null when the record has none
 */
public record RawEvent(byte[] value, String topic, int partition, long offset, byte[] key)
        implements Serializable {

    /** A record without a key. */
    public RawEvent(byte[] value, String topic, int partition, long offset) {
        this(value, topic, partition, offset, null);
    }
}
