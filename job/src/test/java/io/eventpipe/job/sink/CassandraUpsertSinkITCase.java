package io.eventpipe.job.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.eventpipe.job.model.KeyCount;
import io.eventpipe.job.model.TypeTotals;
import io.eventpipe.job.model.WindowStats;
import io.eventpipe.local.CassandraServer;
import io.eventpipe.local.junit.LocalServersExtension;
import io.eventpipe.local.junit.TestNames;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.TestSinkInitContextAnyThreadMailbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sink's writers against a real Cassandra: schema creation, upserts, and their rewrite. */
@ExtendWith(LocalServersExtension.class)
class CassandraUpsertSinkITCase {

    private static final String REPLICATION =
            "{'class': 'SimpleStrategy', 'replication_factor': 1}";

    // Just before midnight UTC: the row's day must be the 3rd whatever the JVM's time zone.
    private static final long WINDOW_START =
            ZonedDateTime.of(2026, 12, 3, 23, 59, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();

    private static CassandraServer cassandra;
    private static CassandraSinkConfig config;

    @BeforeAll
    static void createSchema(CassandraServer server) {
        cassandra = server;
        config =
                CassandraSinkConfig.builder()
                        .contactPoints(List.of(server.host()))
                        .port(server.cqlPort())
                        .localDatacenter(server.localDatacenter())
                        .keyspace(TestNames.uniqueKeyspace("sink_it"))
                        .consistencyLevel("ONE")
                        .build();
        CassandraSchema.ensure(config, REPLICATION);
        // A second run must find everything in place and change nothing.
        CassandraSchema.ensure(config, REPLICATION);
    }

    @Test
    void windowStatsRowIsUpsertedAndAFinalRowReplacesTheProvisionalOne() throws Exception {
        WindowStats provisional = windowStats(4, false);
        WindowStats finalRow = windowStats(9, true);

        writeAll(new WindowStatsUpsert(), List.of(provisional));
        writeAll(new WindowStatsUpsert(), List.of(finalRow, finalRow));

        try (CqlSession session = cassandra.session()) {
            List<Row> rows =
                    session.execute(
                                    "SELECT * FROM "
                                            + config.keyspace()
                                            + ".window_stats WHERE event_type = 'click'"
                                            + " AND day = '2026-12-03'")
                            .all();
            assertThat(rows).hasSize(1);
            Row row = rows.get(0);
            assertThat(row.getLocalDate("day")).isEqualTo(LocalDate.of(2026, 12, 3));
            assertThat(row.getInstant("window_start"))
                    .isEqualTo(Instant.ofEpochMilli(WINDOW_START));
            assertThat(row.getLong("events")).isEqualTo(9);
            assertThat(row.getBoolean("is_final")).isTrue();
            assertThat(row.getMap("top_keys", String.class, Long.class))
                    .isEqualTo(Map.of("/a", 9L, "/b", 1L));
            assertThat(row.getByteBuffer("users_sketch"))
                    .isEqualTo(ByteBuffer.wrap(new byte[] {9}));
        }
    }

    @Test
    void laterVersionOfARowWinsEvenWithinOneBatch() throws Exception {
        // The provisional row saw a later first event than the final one (an out-of-order event
        // arrived in between); both land in one batch of one partition.
        WindowStats provisional = windowStats("search", 4, false, WINDOW_START + 30_000);
        WindowStats finalRow = windowStats("search", 9, true, WINDOW_START + 1);

        writeAll(new WindowStatsUpsert(), List.of(provisional, finalRow));

        try (CqlSession session = cassandra.session()) {
            Row row =
                    session.execute(
                                    "SELECT * FROM "
                                            + config.keyspace()
                                            + ".window_stats WHERE event_type = 'search'"
                                            + " AND day = '2026-12-03'")
                            .one();
            assertThat(row.getLong("events")).isEqualTo(9);
            assertThat(row.getInstant("first_event"))
                    .isEqualTo(Instant.ofEpochMilli(WINDOW_START + 1));
            assertThat(row.getBoolean("is_final")).isTrue();
        }
    }

    @Test
    void typeTotalsOfSeveralPartitionsAreAllWritten() throws Exception {
        List<TypeTotals> totals =
                List.of(
                        new TypeTotals("click", 10, 3, new byte[] {1}, 1_000, 2_000, 3_000),
                        new TypeTotals("search", 20, 5, new byte[] {2}, 1_500, 2_500, 3_000),
                        new TypeTotals("purchase", 1, 1, new byte[] {3}, 1_700, 1_700, 3_000));

        writeAll(new TypeTotalsUpsert(), totals);

        try (CqlSession session = cassandra.session()) {
            Map<String, Long> eventsByType =
                    session
                            .execute("SELECT * FROM " + config.keyspace() + ".type_totals")
                            .all()
                            .stream()
                            .collect(
                                    java.util.stream.Collectors.toMap(
                                            row -> row.getString("event_type"),
                                            row -> row.getLong("events")));
            assertThat(eventsByType).isEqualTo(Map.of("click", 10L, "search", 20L, "purchase", 1L));
        }
    }

    private static <T> void writeAll(UpsertStatement<T> statement, List<T> rows) throws Exception {
        CassandraUpsertSink<T> sink = new CassandraUpsertSink<>(config, statement);
        SinkWriter<T> writer = sink.createWriter(new TestSinkInitContextAnyThreadMailbox());
        try {
            for (T row : rows) {
                writer.write(row, null);
            }
            writer.flush(true);
        } finally {
            writer.close();
        }
    }

    private static WindowStats windowStats(long events, boolean isFinal) {
        return windowStats("click", events, isFinal, WINDOW_START + 1);
    }

    private static WindowStats windowStats(
            String eventType, long events, boolean isFinal, long firstEvent) {
        return new WindowStats(
                eventType,
                WINDOW_START,
                WINDOW_START + 60_000,
                events,
                2,
                new byte[] {(byte) events},
                firstEvent,
                WINDOW_START + 59_000,
                List.of(new KeyCount("/a", events), new KeyCount("/b", 1)),
                isFinal,
                WINDOW_START + 30_000);
    }
}
