package io.eventpipe.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.job.config.JobCommandLine;
import io.eventpipe.job.config.JobOptions;
import io.eventpipe.job.model.TypeTotals;
import io.eventpipe.job.model.WindowStats;
import io.eventpipe.job.records.DeadLetter;
import io.eventpipe.job.records.RawEvent;
import io.eventpipe.job.testing.ExpectedAnalytics;
import io.eventpipe.job.testing.ExpectedAnalytics.Figures;
import io.eventpipe.job.testing.ExpectedAnalytics.WindowKey;
import io.eventpipe.job.testing.GeneratedEvents;
import io.eventpipe.job.testing.GeneratedEvents.GeneratedEvent;
import io.eventpipe.job.testing.GeneratedEvents.Produced;
import io.eventpipe.job.testing.TwoSlotMiniCluster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole pipeline on a MiniCluster at parallelism 2, fed a finite generated input: out of order
 * within the watermark bound, with duplicates and malformed records. The end of input advances the
 * watermark to the end of time, so every window is final.
 */
class EventAnalyticsPipelineTest {

    private static final long WINDOW = 10_000;
    private static final long START = 1_764_772_800_000L;
    private static final int TOP_K = 3;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = TwoSlotMiniCluster.extension();

    @Test
    @Timeout(180)
    void rowsTotalsAndDeadLettersMatchAnIndependentCount() throws Exception {
        JobOptions options =
                JobCommandLine.parse(
                        new String[] {
                            "--window-size", "10s", "--top-k", "3", "--max-event-bytes", "2048"
                        },
                        Map.of());
        List<Produced> input =
                new GeneratedEvents(42)
                        .valid(1500, START, 4 * WINDOW, 4_000, 13)
                        .malformed(START + 5_000, 2048)
                        .valid(300, START + 4 * WINDOW, WINDOW, 4_000, 0)
                        .records();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<RawEvent> raw =
                env.fromData(rawEvents(input), TypeInformation.of(RawEvent.class))
                        .assignTimestampsAndWatermarks(
                                EventAnalyticsPipeline.watermarkStrategy(options));
        EventAnalyticsPipeline.Outputs outputs = EventAnalyticsPipeline.build(options, raw);
        CloseableIterator<WindowStats> windowRows = outputs.windowStats().collectAsync();
        CloseableIterator<TypeTotals> totalsRows = outputs.typeTotals().collectAsync();
        CloseableIterator<DeadLetter> deadLetters = outputs.deadLetters().collectAsync();
        JobClient job = env.executeAsync("pipeline-test");

        List<WindowStats> windows = drain(windowRows);
        List<TypeTotals> totals = drain(totalsRows);
        List<DeadLetter> letters = drain(deadLetters);
        job.getJobExecutionResult().get();

        List<GeneratedEvent> valid =
                input.stream().map(Produced::event).filter(Objects::nonNull).toList();
        assertWindows(lastPerWindow(windows), ExpectedAnalytics.perWindow(valid, WINDOW));
        assertTotals(lastPerType(totals), ExpectedAnalytics.perType(valid));
        assertThat(letters)
                .extracting(DeadLetter::reason)
                .containsExactlyInAnyOrderElementsOf(
                        input.stream()
                                .map(Produced::invalidReason)
                                .filter(Objects::nonNull)
                                .toList());
        long aggregated =
                lastPerWindow(windows).values().stream().mapToLong(WindowStats::events).sum();
        assertThat(aggregated + letters.size()).isEqualTo(input.size());
    }

    private static void assertWindows(
            Map<WindowKey, WindowStats> actual, Map<WindowKey, Figures> expected) {
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach(
                (key, figures) -> {
                    WindowStats row = actual.get(key);
                    assertThat(row.isFinal()).as("final %s", key).isTrue();
                    assertThat(row.windowEnd()).isEqualTo(key.windowStart() + WINDOW);
                    assertThat(row.events()).as("events %s", key).isEqualTo(figures.events());
                    assertThat(row.firstEvent()).isEqualTo(figures.firstEvent());
                    assertThat(row.lastEvent()).isEqualTo(figures.lastEvent());
                    assertThat(row.topKeys()).as("top %s", key).isEqualTo(figures.topKeys(TOP_K));
                    assertThat(row.uniqueUsers())
                            .isCloseTo(figures.users().size(), Percentage.withPercentage(3));
                });
    }

    private static void assertTotals(
            Map<String, TypeTotals> actual, Map<String, Figures> expected) {
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach(
                (type, figures) -> {
                    TypeTotals row = actual.get(type);
                    assertThat(row.events()).as("events %s", type).isEqualTo(figures.events());
                    assertThat(row.firstEvent()).isEqualTo(figures.firstEvent());
                    assertThat(row.lastEvent()).isEqualTo(figures.lastEvent());
                    assertThat(row.uniqueUsers())
                            .isCloseTo(figures.users().size(), Percentage.withPercentage(3));
                });
    }

    private static List<RawEvent> rawEvents(List<Produced> input) {
        List<RawEvent> raw = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            raw.add(new RawEvent(input.get(i).value(), "events", i % 4, i));
        }
        return raw;
    }

    // Rows of one window come from one subtask in order, so the last one is the latest.
    private static Map<WindowKey, WindowStats> lastPerWindow(List<WindowStats> rows) {
        Map<WindowKey, WindowStats> last = new LinkedHashMap<>();
        rows.forEach(row -> last.put(new WindowKey(row.eventType(), row.windowStart()), row));
        return last;
    }

    private static Map<String, TypeTotals> lastPerType(List<TypeTotals> rows) {
        Map<String, TypeTotals> last = new LinkedHashMap<>();
        rows.forEach(row -> last.put(row.eventType(), row));
        return last;
    }

    private static <T> List<T> drain(CloseableIterator<T> iterator) throws Exception {
        List<T> all = new ArrayList<>();
        try (iterator) {
            iterator.forEachRemaining(all::add);
        }
        return all;
    }
}
