package io.eventpipe.local.cli;

/**
 * Spaces replayed events as their own timestamps were spaced, sped up by a factor.
 *
 * <p>The first timed event anchors the schedule: an event {@code t} ms after it is due {@code t /
 * speed} ms after the anchor was sent. An event already due, or older than the anchor (files are
 * rarely perfectly ordered), goes at once: the pacer never reorders, it only waits.
 */
final class ReplayPacer {

    private final double speed;
    private boolean anchored;
    private long anchorEventMillis;
    private long anchorNanos;

    ReplayPacer(double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number: " + speed);
        }
        this.speed = speed;
    }

    /** Nanoseconds to wait before sending an event of {@code eventMillis}, at {@code nowNanos}. */
    long delayNanos(long eventMillis, long nowNanos) {
        if (!anchored) {
            anchored = true;
            anchorEventMillis = eventMillis;
            anchorNanos = nowNanos;
            return 0;
        }
        double offsetNanos = (eventMillis - anchorEventMillis) * 1_000_000.0 / speed;
        double dueNanos = anchorNanos + offsetNanos;
        return (long) Math.max(0, dueNanos - nowNanos);
    }
}
