package io.eventpipe.stats.service;

/** The requested event type has never been written by the job. */
public class UnknownTypeException extends RuntimeException {

    public UnknownTypeException(String eventType) {
        super("unknown event type '" + eventType + "'");
    }
}
