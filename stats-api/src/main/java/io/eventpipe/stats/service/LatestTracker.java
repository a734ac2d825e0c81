package io.eventpipe.stats.service;

/**
 * Picks the newest closed window and any newer provisional one from rows fed newest first.
 *
 * <p>Windows are tumbling, so a provisional row seen before the first final row is the open window;
 * provisional rows older than a final one are left over from an interrupted run and are ignored.
 *
 * @param <R> the row type: a full window row, or the narrow row of a range scan
 */
final class LatestTracker<R> {

    private R latestClosed;
    private R currentProvisional;

    void add(R row, boolean isFinal) {
        if (latestClosed != null) {
            return;
        }
        if (isFinal) {
            latestClosed = row;
        } else if (currentProvisional == null) {
            currentProvisional = row;
        }
    }

    boolean foundClosed() {
        return latestClosed != null;
    }

    /** The newest final row, null if none was fed. */
    R latestClosed() {
        return latestClosed;
    }

    /** A provisional row newer than the newest final one, null if none. */
    R currentProvisional() {
        return currentProvisional;
    }
}
