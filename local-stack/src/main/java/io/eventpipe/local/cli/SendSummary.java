package io.eventpipe.local.cli;

import java.time.Duration;
import java.util.Locale;

/**
 * What one run sent: records handed to the producer, records the brokers acknowledged, records that
 * failed (with the first failure, null when none did), and how long it took.
 */
record SendSummary(
        long handedOver, long acknowledged, long failed, Failure firstFailure, Duration elapsed) {

    /** Why a record failed, and where it came from (see {@link OutgoingEvent#origin()}). */
    record Failure(Throwable cause, String origin) {}

    boolean allAcknowledged() {
        return failed == 0 && acknowledged == handedOver;
    }

    double acknowledgedPerSecond() {
        double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
        return acknowledged / seconds;
    }

    /** A one-line report for the user, e.g. "1000 events acknowledged in 2.0 s (500 events/s)". */
    String describe() {
        String line =
                String.format(
                        Locale.ROOT,
                        "%d events acknowledged by Kafka in %.1f s (%.0f events/s)",
                        acknowledged,
                        elapsed.toMillis() / 1000.0,
                        acknowledgedPerSecond());
        if (failed > 0) {
            line += String.format(Locale.ROOT, "; %d FAILED", failed);
        }
        return line;
    }
}
