package io.eventpipe.job.records;

import java.io.Serializable;

/**
 * One Kafka record as read, before any parsing: its value bytes and where it came from.
 *
 * <p>The bytes are kept unchanged so that a record that cannot be aggregated reaches the
 * dead-letter topic exactly as it was produced. A Kafka record without a value (a tombstone) is
 * carried as an empty array.
 */
public record RawEvent(byte[] value, String topic, int partition, long offset)
        implements Serializable {}
