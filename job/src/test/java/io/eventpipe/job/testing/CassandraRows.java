package io.eventpipe.job.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.eventpipe.job.testing.ExpectedAnalytics.WindowKey;
import java.util.HashMap;
import java.util.Map;

/** Reads the job's tables back from Cassandra, for the ITCases. */
public final class CassandraRows {

    /** A window_stats row as stored. */
    public record StoredWindow(
            long windowEnd,
            long events,
            long uniqueUsers,
            long firstEvent,
            long lastEvent,
            Map<String, Long> topKeys,
            boolean isFinal) {}

    /** A type_totals row as stored. */
    public record StoredTotals(long events, long uniqueUsers, long firstEvent, long lastEvent) {}

    private final CqlSession session;
    private final String keyspace;

    public CassandraRows(CqlSession session, String keyspace) {
        this.session = session;
        this.keyspace = keyspace;
    }

    /** Every window_stats row, by type and window start. */
    public Map<WindowKey, StoredWindow> windows() {
        Map<WindowKey, StoredWindow> rows = new HashMap<>();
        for (Row row : session.execute("SELECT * FROM " + keyspace + ".window_stats")) {
            rows.put(
                    new WindowKey(
                            row.getString("event_type"),
                            row.getInstant("window_start").toEpochMilli()),
                    new StoredWindow(
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

    /** Every type_totals row, by type. */
    public Map<String, StoredTotals> totals() {
        Map<String, StoredTotals> rows = new HashMap<>();
        for (Row row : session.execute("SELECT * FROM " + keyspace + ".type_totals")) {
            rows.put(
                    row.getString("event_type"),
                    new StoredTotals(
                            row.getLong("events"),
                            row.getLong("unique_users"),
                            row.getInstant("first_event").toEpochMilli(),
                            row.getInstant("last_event").toEpochMilli()));
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
