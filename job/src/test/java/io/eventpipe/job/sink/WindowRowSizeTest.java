package io.eventpipe.job.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.job.config.WindowOptions;
import io.eventpipe.job.functions.UserSketches;
import io.eventpipe.job.model.KeyCount;
import io.eventpipe.job.model.WindowStats;
import io.eventpipe.job.parsing.EventParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowRowSizeTest {

    @Test
    void largestWindowRowTheOptionsAllowFitsTheSinksRowLimit() {
        List<KeyCount> topKeys = new ArrayList<>();
        for (int i = 0; i < WindowOptions.MAX_TOP_K; i++) {
            String prefix = "key-" + i + "-";
            String key = prefix + "€".repeat(EventParser.MAX_KEY_CHARS - prefix.length());
            topKeys.add(new KeyCount(key, Long.MAX_VALUE - i));
        }
        byte[] users = UserSketches.newUpdatable();
        for (int i = 0; i < 200_000; i++) {
            UserSketches.addUser(users, "user-" + i);
        }
        String longestType = "t".repeat(64);
        WindowStats row =
                new WindowStats(
                        longestType,
                        0,
                        60_000,
                        200_000,
                        200_000,
                        UserSketches.toCompact(users),
                        1,
                        59_999,
                        topKeys,
                        true,
                        60_000);
        WindowStatsUpsert upsert = new WindowStatsUpsert();

        long bytes =
                RowSizes.estimateBytes(
                        new UpsertRow(upsert.partitionKey(row), upsert.values(row), 0));

        assertThat(bytes).isLessThan(CassandraUpsertSink.MAX_ROW_BYTES);
    }
}
