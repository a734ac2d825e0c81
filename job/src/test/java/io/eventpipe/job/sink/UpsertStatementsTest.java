package io.eventpipe.job.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.job.model.KeyCount;
import io.eventpipe.job.model.TypeTotals;
import io.eventpipe.job.model.WindowStats;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpsertStatementsTest {

    // 23:59 UTC on 3 December: still the 3rd in UTC, already the 4th east of UTC.
    private static final long LATE_EVENING_UTC =
            ZonedDateTime.of(2026, 12, 3, 23, 59, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();

    @Test
    void windowStatsArePartitionedByTypeAndUtcDayOfTheWindowStart() {
        WindowStats stats = windowStats(LATE_EVENING_UTC);

        List<Object> key = new WindowStatsUpsert().partitionKey(stats);

        assertThat(key).containsExactly("click", LocalDate.of(2026, 12, 3));
    }

    @Test
    void windowStatsValuesFollowTheInsertColumns() {
        WindowStatsUpsert upsert = new WindowStatsUpsert();
        WindowStats stats = windowStats(LATE_EVENING_UTC);

        List<Object> values = upsert.values(stats);

        assertThat(values).hasSameSizeAs(upsert.columns());
        assertThat(values.get(upsert.columns().indexOf("window_start")))
                .isEqualTo(Instant.ofEpochMilli(LATE_EVENING_UTC));
        assertThat(values.get(upsert.columns().indexOf("top_keys")))
                .isEqualTo(Map.of("/a", 5L, "/b", 2L));
        assertThat(values.get(upsert.columns().indexOf("is_final"))).isEqualTo(true);
        assertThat(upsert.insertCql("ks"))
                .startsWith("INSERT INTO ks.window_stats (event_type, day, window_start,")
                .endsWith("?, ?) USING TIMESTAMP ?")
                .doesNotContain("UPDATE");
    }

    @Test
    void typeTotalsArePartitionedByType() {
        TypeTotalsUpsert upsert = new TypeTotalsUpsert();
        TypeTotals totals = new TypeTotals("search", 12, 4, new byte[] {7}, 10, 20, 30);

        assertThat(upsert.partitionKey(totals)).containsExactly("search");
        assertThat(upsert.values(totals)).hasSameSizeAs(upsert.columns());
        assertThat(upsert.values(totals).get(upsert.columns().indexOf("events"))).isEqualTo(12L);
    }

    private static WindowStats windowStats(long windowStart) {
        return new WindowStats(
                "click",
                windowStart,
                windowStart + 60_000,
                7,
                3,
                new byte[] {1},
                windowStart + 5,
                windowStart + 50,
                List.of(new KeyCount("/a", 5), new KeyCount("/b", 2)),
                true,
                windowStart + 61_000);
    }
}
