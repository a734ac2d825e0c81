package io.eventpipe.local.cli;

import java.io.IOException;
import java.time.Duration;

/**
 * Sends a replay file's records in file order, optionally paced by their event times, until the end
 * of the file or a stop request.
 *
 * <p>Records without a usable time are sent at once and counted ({@link #unpacedCount()}), never
 * dropped. Records without a key (no value at the key field, or not JSON) are sent too, spread over
 * the partitions by {@link KafkaEventSender}, and counted ({@link #unkeyedCount()}). Waiting
 * between paced events is a timed wait on the stop signal, so Ctrl-C cuts it short.
 */
final class FileReplay {

    private final ReplayInput input;
    private final EventFields fields;
    private final ReplayPacer pacer;
    private long unpaced;
    private long unkeyed;

    /** {@code pacer} null: as fast as possible. */
    FileReplay(ReplayInput input, EventFields fields, ReplayPacer pacer) {
        this.input = input;
        this.fields = fields;
        this.pacer = pacer;
    }

    void sendAll(KafkaEventSender sender, StopSignal stop)
            throws IOException, InterruptedException {
        try (EventFileReader reader = input.open()) {
            FileRecord record;
            while (!stop.isStopRequested() && (record = reader.next()) != null) {
                OutgoingEvent event = fields.toOutgoing(record);
                if (pacer != null && waitUntilDue(event, stop)) {
                    return;
                }
                sender.send(event);
                if (event.key() == null) {
                    unkeyed++;
                }
            }
        }
    }

    /** Returns true when a stop came while waiting. */
    private boolean waitUntilDue(OutgoingEvent event, StopSignal stop) throws InterruptedException {
        if (event.eventTimeMillis().isEmpty()) {
            unpaced++;
            return false;
        }
        long delay = pacer.delayNanos(event.eventTimeMillis().getAsLong(), System.nanoTime());
        return delay > 0 && stop.await(Duration.ofNanos(delay));
    }

    /** Records sent without pacing because their time was missing or unreadable. */
    long unpacedCount() {
        return unpaced;
    }

    /** Records sent without a key because the key field was missing or the record not JSON. */
    long unkeyedCount() {
        return unkeyed;
    }
}
