package io.eventpipe.job.parsing;

/**
 * A dead letter larger than the dead-letter topic or the job's producer accepts.
 *
 * <p>Thrown instead of dropping the record: it fails the job, which restarts from its last
 * checkpoint (so no offset is committed past the record) and meets the record again until an
 * operator raises the topic's limit. The message says which record, the sizes and what to change.
 */
public final class DeadLetterTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DeadLetterTooLargeException(String message) {
        super(message);
    }
}
