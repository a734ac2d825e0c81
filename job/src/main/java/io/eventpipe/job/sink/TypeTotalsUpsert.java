package io.eventpipe.job.sink;

import io.eventpipe.job.model.TypeTotals;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Upserts {@link TypeTotals} into {@code type_totals}, one partition per event type.
 *
 * <p>The totals are absolute (the job recomputes them from every window), never increments, so a
 * replayed write leaves the same row.
 */
public final class TypeTotalsUpsert implements UpsertStatement<TypeTotals> {

    private static final long serialVersionUID = 1L;

    private static final List<String> COLUMNS =
            List.of(
                    "event_type",
                    "events",
                    "unique_users",
                    "users_sketch",
                    "first_event",
                    "last_event",
                    "watermark");

    @Override
    public String table() {
        return "type_totals";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> partitionKey(TypeTotals row) {
        return List.of(row.eventType());
    }

    @Override
    public List<Object> values(TypeTotals row) {
        return Arrays.asList(
                row.eventType(),
                row.events(),
                row.uniqueUsers(),
                row.usersSketch(),
                Instant.ofEpochMilli(row.firstEvent()),
                Instant.ofEpochMilli(row.lastEvent()),
                Instant.ofEpochMilli(row.watermark()));
    }
}
