package io.eventpipe.job.parsing;

/** The dead-letter reasons of records that cannot be parsed into an event. */
public final class InvalidReasons {

    /**
     * The record has no value: a Kafka tombstone (null value) or zero bytes. Its dead letter keeps
     * the key, which is then all there is to tell which record it was.
     */
    public static final String EMPTY_VALUE = "empty-value";

    /** The value is not a JSON object. */
    public static final String INVALID_JSON = "invalid-json";

    /** The value is longer than {@code --max-event-bytes}. */
    public static final String OVERSIZE = "oversize";

    /** The time field cannot be read in the configured time format. */
    public static final String BAD_TIME = "bad-time";

    /** The event type is not a string of 1 to 64 letters, digits or {@code _.:-}. */
    public static final String BAD_TYPE = "bad-type";

    /**
     * The parser failed in a way none of the other reasons describes: kept as a dead letter rather
     * than failing the job, and worth a bug report with the record attached.
     */
    public static final String UNREADABLE = "unreadable";

    private InvalidReasons() {}

    /** A mapped field is absent, null or empty. */
    public static String missingField(String pointer) {
        return "missing-field:" + pointer;
    }

    /**
     * A mapped field holds an object, an array or a boolean instead of a string or number, or the
     * key is longer than {@link EventParser#MAX_KEY_CHARS} characters.
     */
    public static String badField(String pointer) {
        return "bad-field:" + pointer;
    }
}
