package io.eventpipe.stats.service;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /stats}.
 *
 * @param range the requested range, null for all-time totals
 * @param watermark the newest event-time watermark the job has written, null before any write
 * @param freshnessSeconds how far the watermark lags behind the wall clock, null with it
 * @param totals one entry per known event type
 * @param latestWindows one entry per known event type
 */
public record Overview(
        TimeRange range,
        Instant watermark,
        Double freshnessSeconds,
        List<TypeSummary> totals,
        List<LatestWindows> latestWindows) {}
