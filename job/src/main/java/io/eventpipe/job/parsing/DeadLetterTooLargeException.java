package io.eventpipe.job.parsing;

/**
 * A dead letter larger than the dead-letter topic or the job's producer accepts.
 *
 * <p>Start-up already refuses a dead-letter topic too small for the events topic's largest record,
 * so this is reached only when someone lowers the dead-letter topic's {@code max.message.bytes} (or
 * raises the events topic's) after the job started. Thrown instead of dropping the record: it fails
 * the job, which restarts from its last checkpoint (so no offset is committed past the record) and
 * meets the record again until an operator raises the topic's limit. The message says which record,
 * the sizes and what to change.
 */
public final class DeadLetterTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DeadLetterTooLargeException(String message) {
        super(message);
    }
}
