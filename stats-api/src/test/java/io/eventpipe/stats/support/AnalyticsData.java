package io.eventpipe.stats.support;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.eventpipe.stats.support.GeneratedWindow.GeneratedEvent;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * Generates one-minute windows of random events and writes them, with their type totals, as the job
 * writes its rows: absolute values, compact HLL sketches, partitioned by the UTC day of the window
 * start.
 */
public final class AnalyticsData {

    public static final Duration WINDOW = Duration.ofMinutes(1);

    private AnalyticsData() {}

    /**
     * Consecutive windows of one type; the last {@code openWindows} are provisional. Users come
     * from a pool smaller than the events, so windows share users and per-window distinct counts do
     * not add up to the distinct count of a range.
     */
    public static List<GeneratedWindow> generate(
            String type,
            Instant firstStart,
            int windows,
            int openWindows,
            int userPool,
            long seed) {
        Random random = new Random(seed);
        Instant lastStart = firstStart.plus(WINDOW.multipliedBy(windows - 1));
        List<GeneratedWindow> generated = new ArrayList<>();
        for (int i = 0; i < windows; i++) {
            Instant start = firstStart.plus(WINDOW.multipliedBy(i));
            boolean isFinal = i < windows - openWindows;
            Instant watermark = isFinal ? start.plus(WINDOW) : lastStart;
            generated.add(
                    new GeneratedWindow(
                            type,
                            start,
                            start.plus(WINDOW),
                            events(random, start, userPool),
                            isFinal,
                            watermark));
        }
        return generated;
    }

    private static List<GeneratedEvent> events(Random random, Instant start, int userPool) {
        int count = 50 + random.nextInt(250);
        List<GeneratedEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant time = start.plusMillis(random.nextInt((int) WINDOW.toMillis()));
            // A skewed key choice, so that top keys have clearly different counts.
            String key = "/products/" + random.nextInt(1 + random.nextInt(30));
            events.add(new GeneratedEvent(time, "user-" + random.nextInt(userPool), key));
        }
        events.sort(Comparator.comparing(GeneratedEvent::time));
        return events;
    }

    /** Upserts the windows into {@code window_stats}. */
    public static void writeWindows(
            CqlSession session, String keyspace, List<GeneratedWindow> windows) {
        PreparedStatement insert =
                session.prepare(
                        "INSERT INTO "
                                + keyspace
                                + ".window_stats (event_type, day, window_start,"
                                + " window_end, events, unique_users, users_sketch, first_event,"
                                + " last_event, top_keys, is_final, watermark)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (GeneratedWindow window : windows) {
            HllSketch sketch = window.usersSketch();
            session.execute(
                    insert.bind(
                            window.type(),
                            LocalDate.ofInstant(window.windowStart(), ZoneOffset.UTC),
                            window.windowStart(),
                            window.windowEnd(),
                            (long) window.events().size(),
                            Math.round(sketch.getEstimate()),
                            ByteBuffer.wrap(storedImage(sketch)),
                            window.firstEvent(),
                            window.lastEvent(),
                            window.topKeys(),
                            window.isFinal(),
                            window.watermark()));
        }
    }

    /** The compact image as the job stores it: an HLL_4 union result of the window's sketch. */
    public static byte[] storedImage(HllSketch sketch) {
        Union union = new Union(GeneratedWindow.LG_K);
        union.update(sketch);
        return union.getResult(TgtHllType.HLL_4).toCompactByteArray();
    }

    /**
     * Upserts the all-time totals of one type computed from all its windows, and returns them as
     * written.
     */
    public static WrittenTotals writeTotals(
            CqlSession session, String keyspace, String type, List<GeneratedWindow> windows) {
        Union union = new Union(GeneratedWindow.LG_K);
        windows.forEach(window -> union.update(window.usersSketch()));
        WrittenTotals totals =
                new WrittenTotals(
                        type,
                        windows.stream().mapToLong(window -> window.events().size()).sum(),
                        Math.round(union.getEstimate()),
                        windows.get(0).firstEvent(),
                        windows.get(windows.size() - 1).lastEvent(),
                        windows.get(windows.size() - 1).watermark());
        session.execute(
                session.prepare(
                                "INSERT INTO "
                                        + keyspace
                                        + ".type_totals (event_type, events,"
                                        + " unique_users, users_sketch, first_event, last_event,"
                                        + " watermark) VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .bind(
                                type,
                                totals.events(),
                                totals.uniqueUsers(),
                                ByteBuffer.wrap(
                                        union.getResult(TgtHllType.HLL_4).toCompactByteArray()),
                                totals.firstEvent(),
                                totals.lastEvent(),
                                totals.watermark()));
        return totals;
    }

    /** The {@code type_totals} row a test wrote. */
    public record WrittenTotals(
            String type,
            long events,
            long uniqueUsers,
            Instant firstEvent,
            Instant lastEvent,
            Instant watermark) {}
}
