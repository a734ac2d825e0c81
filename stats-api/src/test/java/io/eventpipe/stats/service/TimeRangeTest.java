package io.eventpipe.stats.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

    @Test
    void rangeWithinOneDayReadsOnePartition() {
        TimeRange range =
                new TimeRange(
                        Instant.parse("2026-03-01T10:00:00Z"),
                        Instant.parse("2026-03-01T11:00:00Z"));

        assertThat(range.daysNewestFirst()).containsExactly(LocalDate.parse("2026-03-01"));
    }

    @Test
    void rangeEndingAtMidnightDoesNotReadTheNextDay() {
        TimeRange range =
                new TimeRange(
                        Instant.parse("2026-02-27T23:59:00Z"),
                        Instant.parse("2026-03-01T00:00:00Z"));

        assertThat(range.daysNewestFirst())
                .containsExactly(LocalDate.parse("2026-02-28"), LocalDate.parse("2026-02-27"));
    }

    @Test
    void emptyOrReversedRangeIsRejected() {
        Instant instant = Instant.parse("2026-03-01T00:00:00Z");

        assertThatThrownBy(() -> new TimeRange(instant, instant))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
