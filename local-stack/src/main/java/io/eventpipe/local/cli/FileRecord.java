package io.eventpipe.local.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record read from a replay file: the bytes to send, and the same record parsed as JSON for
 * finding its key and time ({@code null} when the bytes are not JSON; they are sent anyway).
 */
record FileRecord(byte[] value, JsonNode json) {}
