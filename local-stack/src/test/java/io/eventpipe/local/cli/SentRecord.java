package io.eventpipe.local.cli;

/** A Kafka record's key and value as text, for comparing what was sent with what arrived. */
record SentRecord(String key, String value) {

    static SentRecord of(String key, String value) {
        return new SentRecord(key, value);
    }
}
