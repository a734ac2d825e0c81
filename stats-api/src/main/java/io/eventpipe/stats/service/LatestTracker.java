package io.eventpipe.stats.service;

import io.eventpipe.stats.store.WindowRow;

/**
 * Picks the newest closed window and any newer provisional one from rows fed newest first.
 *
 * <p>Windows are tumbling, so a provisional row seen before the first final row is the open window;
 * provisional rows older than a final one are left over from an interrupted run and are ignored.
 */
final class LatestTracker {

    private final String type;
    private WindowRow latestClosed;
    private WindowRow currentProvisional;

    LatestTracker(String type) {
        this.type = type;
    }

    void add(WindowRow row) {
        if (latestClosed != null) {
            return;
        }
        if (row.isFinal()) {
            latestClosed = row;
        } else if (currentProvisional == null) {
            currentProvisional = row;
        }
    }

    boolean foundClosed() {
        return latestClosed != null;
    }

    LatestWindows result() {
        return new LatestWindows(type, view(latestClosed), view(currentProvisional));
    }

    private static WindowView view(WindowRow row) {
        return row == null ? null : WindowView.of(row);
    }
}
