package io.eventpipe.job.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.eventpipe.job.testing.ExpectedAnalytics.WindowKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the job's tables back from Cassandra, for the ITCases: every row as a list, or indexed by
 * its key. The job's own watermark column is left out: it depends on when a row was written, not on
 * the input.
 */
public final class CassandraRows {

    /** One row of window_stats. */
    public record WindowRow(
            String type,
            LocalDate day,
            long windowStart,
            long windowEnd,
            long events,
            long uniqueUsers,
            long firstEvent,
            long lastEvent,
            Map<String, Long> topKeys,
            boolean isFinal) {}

    /** One row of type_totals. */
    public record TotalsRow(
            String type, long events, long uniqueUsers, long firstEvent, long lastEvent) {}

    private final CqlSession session;
    private final String keyspace;

    public CassandraRows(CqlSession session, String keyspace) {
        this.session = session;
        this.keyspace = keyspace;
    }

    /** Every window_stats row. */
    public List<WindowRow> windowRows() {
        List<WindowRow> rows = new ArrayList<>();
        for (Row row : session.execute("SELECT * FROM " + keyspace + ".window_stats")) {
            rows.add(
                    new WindowRow(
                            row.getString("event_type"),
                            row.getLocalDate("day"),
                            row.getInstant("window_start").toEpochMilli(),
                            row.getInstant("window_end").toEpochMilli(),
                            row.getLong("events"),
                            row.getLong("unique_users"),
                            row.getInstant("first_event").toEpochMilli(),
                            row.getInstant("last_event").toEpochMilli(),
                            row.getMap("top_keys", String.class, Long.class),
                            row.getBoolean("is_final")));
        }
        return rows;
    }

    /** Every type_totals row. */
    public List<TotalsRow> totalsRows() {
        List<TotalsRow> rows = new ArrayList<>();
        for (Row row : session.execute("SELECT * FROM " + keyspace + ".type_totals")) {
            rows.add(
                    new TotalsRow(
                            row.getString("event_type"),
                            row.getLong("events"),
                            row.getLong("unique_users"),
                            row.getInstant("first_event").toEpochMilli(),
                            row.getInstant("last_event").toEpochMilli()));
        }
        return rows;
    }

    /** Every window_stats row, by type and window start. */
    public Map<WindowKey, WindowRow> windows() {
        Map<WindowKey, WindowRow> rows = new HashMap<>();
        for (WindowRow row : windowRows()) {
            rows.put(new WindowKey(row.type(), row.windowStart()), row);
        }
        return rows;
    }

    /** Every type_totals row, by type. */
    public Map<String, TotalsRow> totals() {
        Map<String, TotalsRow> rows = new HashMap<>();
        for (TotalsRow row : totalsRows()) {
            rows.put(row.type(), row);
        }
        return rows;
    }

    /** Whether the table exists yet (the job creates it at start-up). */
    public boolean hasTable(String table) {
        return session.getMetadata()
                .getKeyspace(keyspace)
                .flatMap(ks -> ks.getTable(table))
                .isPresent();
    }
}
