package io.eventpipe.local.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record read from a replay file: the bytes to send, the same record parsed as JSON for finding
 * its key and time ({@code null} when the bytes are not JSON; they are sent anyway), and where it
 * is in the file (e.g. "events.jsonl line 14"), for naming it should Kafka refuse it.
 */
record FileRecord(byte[] value, JsonNode json, String origin) {}
