package io.eventpipe.job.records;

import java.io.Serializable;

/**
 * A record the job could not aggregate, with the reason, bound for the dead-letter topic.
 *
 * @param reason a short machine-readable reason such as {@code invalid-json}, {@code
 *     missing-field:/user_id} or {@code late}
 */
public record DeadLetter(RawEvent source, String reason) implements Serializable {

    /** Reason of a record that was valid but arrived after its window's allowed lateness. */
    public static final String LATE = "late";
}
