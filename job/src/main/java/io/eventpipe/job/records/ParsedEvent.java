package io.eventpipe.job.records;

import java.io.Serializable;

/**
 * A valid event, reduced to the fields the analytics use.
 *
 * @param eventType the event type, already checked against {@code EventTypeRule}
 * @param eventTime epoch milliseconds (UTC)
 * @param key the value of the key field, or null when no key field is configured
 * @param eventId the value of the id field, or null when no id field is configured
 * @param source the record it was parsed from, kept so a late event can be dead-lettered with its
 *     original bytes
 */
public record ParsedEvent(
        String eventType,
        String userId,
        long eventTime,
        String key,
        String eventId,
        RawEvent source)
        implements Serializable {}
