package io.eventpipe.stats.service;

import java.time.Instant;
import java.util.List;

/**
 * One page of a type's windows, newest first.
 *
 * @param nextBefore the value of {@code before} that fetches the next (older) page, null on the
 *     last page
 */
public record WindowPage(
        String type, TimeRange range, int limit, List<WindowView> windows, Instant nextBefore) {}
