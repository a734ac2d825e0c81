package io.eventpipe.local.cli;

import java.time.Duration;

/**
 * Spreads a steady event rate over fixed-rate ticks: how many events should have gone out after
 * each tick, so the average rate is exact even when one tick carries a fraction of an event.
 *
 * <p>Ticks come at most {@value #MAX_TICKS_PER_SECOND} times a second: smooth enough for a
 * dashboard, cheap at high rates (many events per tick). Below that rate each tick is one event.
 */
final class RateSchedule {

    static final double MAX_TICKS_PER_SECOND = 100;

    private final double eventsPerSecond;
    private final double ticksPerSecond;
    private final long limit;

    /** {@code limit} caps the total (e.g. rate × duration); {@code Long.MAX_VALUE} for none. */
    RateSchedule(double eventsPerSecond, long limit) {
        if (!(eventsPerSecond > 0) || Double.isInfinite(eventsPerSecond)) {
            throw new IllegalArgumentException("events per second must be > 0: " + eventsPerSecond);
        }
        this.eventsPerSecond = eventsPerSecond;
        this.ticksPerSecond = Math.min(eventsPerSecond, MAX_TICKS_PER_SECOND);
        this.limit = limit;
    }

    /** The total for a run of {@code duration} at {@code eventsPerSecond}, rounded. */
    static long totalFor(double eventsPerSecond, Duration duration) {
        return Math.round(eventsPerSecond * duration.toNanos() / 1e9);
    }

    Duration tickPeriod() {
        return Duration.ofNanos(Math.round(1e9 / ticksPerSecond));
    }

    /** Events due in total once tick {@code tick} (1 = the first) has run, at most the limit. */
    long dueAfterTick(long tick) {
        long due = (long) Math.floor(tick * (eventsPerSecond / ticksPerSecond));
        return Math.min(due, limit);
    }

    long limit() {
        return limit;
    }
}
