package io.eventpipe.job.parsing;

/**
 * Why one record is not a valid event; the message is the dead-letter reason.
 *
 * <p>Thrown for every bad record, so it skips the stack trace: the reason says everything.
 */
final class InvalidEventException extends Exception {

    InvalidEventException(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
