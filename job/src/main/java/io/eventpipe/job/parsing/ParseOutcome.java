package io.eventpipe.job.parsing;

import io.eventpipe.job.records.ParsedEvent;

/** The result of parsing one record: exactly one of an event and a dead-letter reason is set. */
public record ParseOutcome(ParsedEvent event, String invalidReason) {

    static ParseOutcome valid(ParsedEvent event) {
        return new ParseOutcome(event, null);
    }

    static ParseOutcome invalid(String reason) {
        return new ParseOutcome(null, reason);
    }

    public boolean isValid() {
        return event != null;
    }
}
