package io.eventpipe.job.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

class UpsertRowStateSerializerTest {

    @Test
    void everySupportedValueTypeSurvivesARoundTrip() throws Exception {
        Map<String, Long> topKeys = new LinkedHashMap<>();
        topKeys.put("/products/42", 9L);
        topKeys.put("/caf\u00e9", 3L);
        List<Object> values =
                Arrays.asList(
                        "page_view",
                        LocalDate.of(2026, 12, 3),
                        Instant.ofEpochMilli(1_764_772_800_123L),
                        42L,
                        true,
                        new byte[] {1, 2, 3},
                        topKeys,
                        null);
        UpsertRow row =
                new UpsertRow(
                        List.of("page_view", LocalDate.of(2026, 12, 3)),
                        values,
                        1_764_772_800_123_456L);
        UpsertRowStateSerializer serializer = new UpsertRowStateSerializer();

        BufferedRequestState<UpsertRow> restored =
                serializer.deserialize(
                        serializer.getVersion(),
                        serializer.serialize(
                                new BufferedRequestState<>(
                                        List.of(new RequestEntryWrapper<>(row, 100)))));

        UpsertRow copy = restored.getBufferedRequestEntries().get(0).getRequestEntry();
        assertThat(copy.partitionKey()).isEqualTo(row.partitionKey());
        assertThat(copy.values()).hasSize(values.size());
        assertThat(copy.values().subList(0, 5)).isEqualTo(values.subList(0, 5));
        assertThat((byte[]) copy.values().get(5)).containsExactly(1, 2, 3);
        assertThat(copy.values().get(6)).isEqualTo(topKeys);
        assertThat(copy.values().get(7)).isNull();
        assertThat(copy.writeTimeMicros()).isEqualTo(1_764_772_800_123_456L);
    }
}
