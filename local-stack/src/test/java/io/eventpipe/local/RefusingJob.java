package io.eventpipe.local;

/**
 * A job main that refuses its arguments before building anything, the way the analytics job refuses
 * a bad option, for the test of how a failed {@code flink run} is reported.
 */
public final class RefusingJob {

    static final String REASON = "Invalid value for option '--window-size': refused by RefusingJob";

    private RefusingJob() {}

    public static void main(String[] args) {
        throw new IllegalArgumentException(REASON + " (" + String.join(" ", args) + ")");
    }
}
