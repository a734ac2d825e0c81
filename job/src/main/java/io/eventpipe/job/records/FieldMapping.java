package io.eventpipe.job.records;

import io.eventpipe.job.config.TimeFormat;
import java.io.Serializable;

/**
 * Where the parser finds each field in an event's JSON, as JSON Pointers (RFC 6901).
 *
 * @param keyField the field counted for the top keys, or null for none
 * @param idField the event id field, or null for none
 * @param maxEventBytes records longer than this are rejected unparsed
 */
public record FieldMapping(
        String typeField,
        String userField,
        String timeField,
        String keyField,
        String idField,
        TimeFormat timeFormat,
        int maxEventBytes)
        implements Serializable {}
