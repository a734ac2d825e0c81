package io.eventpipe.job.functions;

/**
 * The part of an event type's totals that comes from windows already past their allowed lateness,
 * whose figures can no longer change: a Flink POJO kept in keyed state.
 */
public class FoldedTotals {

    public long events;

    /** An updatable image from {@link UserSketches#newUpdatable()}. */
    public byte[] usersSketch;

    public long firstEvent = Long.MAX_VALUE;

    public long lastEvent = Long.MIN_VALUE;

    /** Empty totals with an empty sketch. */
    public static FoldedTotals empty() {
        FoldedTotals totals = new FoldedTotals();
        totals.usersSketch = UserSketches.newUpdatable();
        return totals;
    }
}
