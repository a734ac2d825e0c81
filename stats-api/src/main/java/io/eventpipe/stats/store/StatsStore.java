package io.eventpipe.stats.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads the job's analytics tables ({@code window_stats}, {@code type_totals}); read-only.
 *
 * <p>Every query is a prepared statement on one partition of {@code window_stats}, or on the small
 * {@code type_totals} table, so each request costs a bounded number of partition reads. Statements
 * are prepared at first use rather than at start-up because the tables may not exist until the job
 * has run. Any driver failure (no node, timeout, missing table) becomes a {@link
 * StoreUnavailableException}: the caller answers 503 and the next request tries again.
 */
public class StatsStore {

    private static final String TOTALS_COLUMNS =
            "event_type, events, unique_users, users_sketch, first_event, last_event, watermark";
    private static final String RANGE_COLUMNS =
            "window_start, events, users_sketch, first_event, last_event, is_final";
    private static final String WINDOW_COLUMNS =
            "event_type, window_start, window_end, events, unique_users, users_sketch, first_event,"
                    + " last_event, top_keys, is_final, watermark";

    private final CassandraConnector connector;
    private final String keyspace;
    private final QueryMetrics metrics;
    private final Map<String, PreparedStatement> prepared = new ConcurrentHashMap<>();

    public StatsStore(CassandraConnector connector, String keyspace, MeterRegistry registry) {
        this.connector = connector;
        this.keyspace = keyspace;
        this.metrics = new QueryMetrics(registry);
    }

    /** Every row of {@code type_totals}. */
    public List<TypeTotalsRow> allTypeTotals() {
        String cql = "SELECT " + TOTALS_COLUMNS + " FROM " + table("type_totals");
        return run("type_totals_all", cql, List.of(), rs -> rs.map(RowMapping::typeTotals).all());
    }

    /** The totals of one type, empty if the job has never written that type. */
    public Optional<TypeTotalsRow> typeTotals(String eventType) {
        String cql =
                "SELECT "
                        + TOTALS_COLUMNS
                        + " FROM "
                        + table("type_totals")
                        + " WHERE event_type = ?";
        return run(
                "type_totals_one",
                cql,
                List.of(eventType),
                rs -> Optional.ofNullable(rs.one()).map(RowMapping::typeTotals));
    }

    /** The newest windows of one (type, day) partition, newest first. */
    public List<WindowRow> newestWindows(String eventType, LocalDate day, int limit) {
        String cql =
                "SELECT "
                        + WINDOW_COLUMNS
                        + " FROM "
                        + table("window_stats")
                        + " WHERE event_type = ? AND day = ? LIMIT ?";
        return run(
                "window_stats_newest",
                cql,
                List.of(eventType, day, limit),
                rs -> rs.map(RowMapping::window).all());
    }

    /** Windows of one (type, day) partition starting in [from, to), newest first, at most limit. */
    public List<WindowRow> windows(
            String eventType, LocalDate day, Instant from, Instant to, int limit) {
        String cql = windowRangeQuery(WINDOW_COLUMNS) + " LIMIT ?";
        return run(
                "window_stats_page",
                cql,
                List.of(eventType, day, from, to, limit),
                rs -> rs.map(RowMapping::window).all());
    }

    /**
     * The windows of one (type, day) partition starting in [from, to), newest first, with only the
     * columns of {@link RangeRow}, read asynchronously page by page. The stage fails with {@link
     * StoreUnavailableException} when Cassandra cannot answer.
     */
    public CompletionStage<List<RangeRow>> rangeRows(
            String eventType, LocalDate day, Instant from, Instant to) {
        String cql = windowRangeQuery(RANGE_COLUMNS);
        return runAsync(
                "window_stats_range", cql, List.of(eventType, day, from, to), RowMapping::rangeRow);
    }

    /** One window by its primary key, empty if there is no such row. */
    public Optional<WindowRow> window(String eventType, LocalDate day, Instant windowStart) {
        String cql =
                "SELECT "
                        + WINDOW_COLUMNS
                        + " FROM "
                        + table("window_stats")
                        + " WHERE event_type = ? AND day = ? AND window_start = ?";
        return run(
                "window_stats_one",
                cql,
                List.of(eventType, day, windowStart),
                rs -> Optional.ofNullable(rs.one()).map(RowMapping::window));
    }

    /** Whether Cassandra answers a trivial query and the job's tables exist. */
    public Readiness readiness() {
        try {
            run("ping", "SELECT release_version FROM system.local", List.of(), ResultSet::one);
        } catch (StoreUnavailableException e) {
            return new Readiness(false, e.getMessage());
        }
        List<String> missing = missingTables(connector.session());
        if (!missing.isEmpty()) {
            return new Readiness(false, "schema not present, missing tables " + missing);
        }
        return new Readiness(true, "connected, schema present in keyspace " + keyspace);
    }

    private List<String> missingTables(CqlSession session) {
        List<String> missing = new ArrayList<>();
        for (String name : List.of("window_stats", "type_totals")) {
            boolean present =
                    session.getMetadata()
                            .getKeyspace(keyspace)
                            .flatMap(ks -> ks.getTable(name))
                            .isPresent();
            if (!present) {
                missing.add(keyspace + "." + name);
            }
        }
        return missing;
    }

    private <T> CompletionStage<List<T>> runAsync(
            String name, String cql, List<Object> values, Function<Row, T> mapper) {
        return metrics.timeAsync(
                name,
                () ->
                        AsyncReads.unavailableOnDriverFailure(
                                name,
                                () -> {
                                    CqlSession session = connector.session();
                                    BoundStatement statement =
                                            prepare(session, cql).bind(values.toArray());
                                    return session.executeAsync(statement)
                                            .thenCompose(
                                                    page ->
                                                            AsyncReads.allPages(
                                                                    page,
                                                                    mapper,
                                                                    new ArrayList<>()));
                                }));
    }

    private String windowRangeQuery(String columns) {
        return "SELECT "
                + columns
                + " FROM "
                + table("window_stats")
                + " WHERE event_type = ? AND day = ? AND window_start >= ? AND window_start < ?";
    }

    private String table(String name) {
        return keyspace + "." + name;
    }

    private <T> T run(String name, String cql, List<Object> values, ResultMapper<T> mapper) {
        return metrics.time(
                name,
                () -> {
                    try {
                        CqlSession session = connector.session();
                        BoundStatement statement = prepare(session, cql).bind(values.toArray());
                        return mapper.map(session.execute(statement));
                    } catch (DriverException e) {
                        throw AsyncReads.unavailable(name, e);
                    }
                });
    }

    private PreparedStatement prepare(CqlSession session, String cql) {
        // A failed prepare is not cached: computeIfAbsent stores nothing when it throws.
        return prepared.computeIfAbsent(cql, session::prepare);
    }

    /** Turns a result set into the caller's value; runs inside the timed section. */
    @FunctionalInterface
    private interface ResultMapper<T> {
        T map(ResultSet resultSet);
    }
}
