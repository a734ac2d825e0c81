package io.eventpipe.stats.service;

import io.eventpipe.stats.store.StatsStore;
import io.eventpipe.stats.store.TypeTotalsRow;
import io.eventpipe.stats.store.WindowRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Answers the API's questions from the store: totals, newest windows and window series.
 *
 * <p>Knows nothing of HTTP. Event types come from {@code type_totals}; windows are read partition
 * by partition, (type, UTC day), so the cost of a request grows with the number of types and days
 * asked for, which the caller bounds; the types of an overview are read concurrently, and the days
 * of a range a few at a time ({@link RangeReader}). Store failures propagate unchanged.
 */
public class StatsService {

    // The newest rows of a partition looked at to find the latest closed window; more than the
    // number of windows the job keeps open at once.
    private static final int NEWEST_ROWS_SCANNED = 10;

    private final StatsStore store;
    private final RangeReader rangeReader;
    private final Clock clock;
    private final Executor executor;

    /**
     * @param executor runs the per-type parts of an overview concurrently; its threads only wait on
     *     Cassandra, never on each other
     */
    public StatsService(StatsStore store, Clock clock, Executor executor) {
        this.store = store;
        this.rangeReader = new RangeReader(store);
        this.clock = clock;
        this.executor = executor;
    }

    /** All-time totals, or totals over the range, with the newest windows of each type. */
    public Overview overview(Optional<TimeRange> range) {
        List<TypeTotalsRow> types = new ArrayList<>(store.allTypeTotals());
        types.sort(Comparator.comparing(TypeTotalsRow::eventType));
        Instant watermark = newestWatermark(types);
        Double freshness = watermark == null ? null : secondsSince(watermark);
        // Each type reads its own partitions: ask for all types at once, then wait for all.
        List<CompletableFuture<TypeAnswer>> pending =
                types.stream()
                        .map(
                                type ->
                                        CompletableFuture.supplyAsync(
                                                () -> answer(type, range), executor))
                        .toList();
        // Waits for every answer; a failure is rethrown as thrown, e.g. store unavailable.
        List<TypeAnswer> answers = pending.stream().map(Stages::join).toList();
        return new Overview(
                range.orElse(null),
                watermark,
                freshness,
                answers.stream().map(TypeAnswer::totals).toList(),
                answers.stream().map(TypeAnswer::latest).toList());
    }

    /**
     * One page of a type's windows starting in the range and before {@code before}, newest first.
     *
     * @throws UnknownTypeException if the job never wrote the type
     */
    public WindowPage windows(String type, TimeRange range, Optional<Instant> before, int limit) {
        if (store.typeTotals(type).isEmpty()) {
            throw new UnknownTypeException(type);
        }
        Instant upper = before.filter(b -> b.isBefore(range.to())).orElse(range.to());
        List<WindowRow> rows = new ArrayList<>();
        if (upper.isAfter(range.from())) {
            for (LocalDate day : new TimeRange(range.from(), upper).daysNewestFirst()) {
                int wanted = limit + 1 - rows.size();
                rows.addAll(store.windows(type, day, range.from(), upper, wanted));
                if (rows.size() > limit) {
                    break;
                }
            }
        }
        Instant nextBefore = rows.size() > limit ? rows.get(limit - 1).windowStart() : null;
        List<WindowView> page = rows.stream().limit(limit).map(WindowView::of).toList();
        return new WindowPage(type, range, limit, page, nextBefore);
    }

    private TypeAnswer answer(TypeTotalsRow type, Optional<TimeRange> range) {
        if (range.isEmpty()) {
            return new TypeAnswer(allTime(type), newestWindows(type));
        }
        return rangeReader.read(type.eventType(), range.get());
    }

    private LatestWindows newestWindows(TypeTotalsRow type) {
        LatestTracker<WindowRow> tracker = new LatestTracker<>();
        if (type.lastEvent() == null) {
            return new LatestWindows(type.eventType(), null, null);
        }
        // The newest window holds the last event, so it is in that event's day; the newest
        // closed one may be in the day before if the current day only has an open window.
        LocalDate newestDay = TimeRange.dayOf(type.lastEvent());
        for (LocalDate day : List.of(newestDay, newestDay.minusDays(1))) {
            store.newestWindows(type.eventType(), day, NEWEST_ROWS_SCANNED)
                    .forEach(row -> tracker.add(row, row.isFinal()));
            if (tracker.foundClosed()) {
                break;
            }
        }
        return new LatestWindows(
                type.eventType(), view(tracker.latestClosed()), view(tracker.currentProvisional()));
    }

    private static WindowView view(WindowRow row) {
        return row == null ? null : WindowView.of(row);
    }

    private static TypeSummary allTime(TypeTotalsRow row) {
        return new TypeSummary(
                row.eventType(),
                row.events(),
                row.uniqueUsers(),
                row.firstEvent(),
                row.lastEvent());
    }

    private static Instant newestWatermark(List<TypeTotalsRow> types) {
        return types.stream()
                .map(TypeTotalsRow::watermark)
                .filter(Objects::nonNull)
                // A job that has not seen an event yet has Flink's initial watermark, the
                // minimum long: that means "no watermark", not a date in the deep past.
                .filter(watermark -> watermark.isAfter(Instant.EPOCH))
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    private double secondsSince(Instant watermark) {
        return Duration.between(watermark, clock.instant()).toMillis() / 1000.0;
    }
}
