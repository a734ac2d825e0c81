package io.eventpipe.job.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.job.model.TypeTotals;
import io.eventpipe.job.model.WindowStats;
import io.eventpipe.job.testing.RecordedMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TypeTotalsFunctionTest {

    private static final long MINUTE = 60_000;
    private static final Duration LATENESS = Duration.ofSeconds(10);
    private static final int MAX_PARALLELISM = 128;
    private static final String TYPE_GAUGE =
            "flink_taskmanager_job_task_operator_event_type_events_total";
    private static final String OVER_LIMIT =
            "flink_taskmanager_job_task_operator_events_over_type_limit_total";

    private final RecordedMetrics metrics = new RecordedMetrics();
    private KeyedOneInputStreamOperatorTestHarness<String, WindowStats, TypeTotals> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness(metrics, 1, 0);
        harness.open();
    }

    /** A harness of one parallel instance of the operator, not opened yet. */
    private static KeyedOneInputStreamOperatorTestHarness<String, WindowStats, TypeTotals>
            newHarness(RecordedMetrics metrics, int parallelism, int subtask) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, WindowStats, TypeTotals> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new TypeTotalsFunction(LATENESS)),
                        WindowStats::eventType,
                        Types.STRING,
                        new MockEnvironmentBuilder()
                                .setMetricGroup(metrics.taskMetricGroup())
                                .setMaxParallelism(MAX_PARALLELISM)
                                .setParallelism(parallelism)
                                .setSubtaskIndex(subtask)
                                .build());
        harness.setup(FlinkTypes.TYPE_TOTALS.createSerializer(new SerializerConfigImpl()));
        return harness;
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /**
     * A window row whose users are {@code user-<from>} to {@code user-<to - 1>}, emitted at the
     * watermark its window operator has when it fires such a row: the window's end for a final row,
     * its start for a provisional one.
     */
    private static WindowStats window(
            String type, long start, long events, int fromUser, int toUser, boolean isFinal) {
        long watermark = isFinal ? start + MINUTE - 1 : start;
        return window(type, start, events, fromUser, toUser, isFinal, watermark);
    }

    private static WindowStats window(
            String type,
            long start,
            long events,
            int fromUser,
            int toUser,
            boolean isFinal,
            long watermark) {
        byte[] sketch = UserSketches.newUpdatable();
        for (int i = fromUser; i < toUser; i++) {
            UserSketches.addUser(sketch, "user-" + i);
        }
        byte[] compact = UserSketches.toCompact(sketch);
        return new WindowStats(
                type,
                start,
                start + MINUTE,
                events,
                UserSketches.estimate(compact),
                compact,
                start + 1,
                start + MINUTE - 1,
                new ArrayList<>(),
                isFinal,
                watermark);
    }

    private TypeTotals send(WindowStats window) throws Exception {
        return send(harness, window);
    }

    private static TypeTotals send(
            KeyedOneInputStreamOperatorTestHarness<String, WindowStats, TypeTotals> to,
            WindowStats window)
            throws Exception {
        to.processElement(new StreamRecord<>(window));
        List<TypeTotals> out = new ArrayList<>(to.extractOutputValues());
        to.getOutput().clear();
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    @Test
    void totalsCarryTheWindowRowsWatermarkWhenItIsAheadOfTheirOwn() throws Exception {
        // The window operator emits a final row before forwarding the watermark that closed it.
        WindowStats finalRow = window("click", 2 * MINUTE, 5, 0, 5, true);

        TypeTotals totals = send(finalRow);

        assertThat(totals.watermark()).isEqualTo(finalRow.watermark());
    }

    @Test
    void provisionalRowsOfTheSameWindowReplaceEachOtherInsteadOfAdding() throws Exception {
        TypeTotals first = send(window("click", 0, 10, 0, 5, false));
        TypeTotals second = send(window("click", 0, 25, 0, 8, false));
        TypeTotals fin = send(window("click", 0, 30, 0, 9, true));

        assertThat(first.events()).isEqualTo(10);
        assertThat(second.events()).isEqualTo(25);
        assertThat(fin.events()).isEqualTo(30);
        assertThat(fin.uniqueUsers()).isEqualTo(9);
        assertThat(fin.firstEvent()).isEqualTo(1);
        assertThat(fin.lastEvent()).isEqualTo(MINUTE - 1);
    }

    @Test
    void totalsAreTheSumOfFoldedAndOpenWindowsAcrossTheFold() throws Exception {
        long closed = MINUTE - 1 + LATENESS.toMillis();
        harness.processWatermark(new Watermark(closed));
        send(window("click", 0, 30, 0, 100, true, closed));
        int stateAfterFold = harness.numKeyedStateEntries();
        TypeTotals next = send(window("click", MINUTE, 12, 50, 150, false, closed));
        TypeTotals nextAgain = send(window("click", MINUTE, 20, 50, 160, false, closed));

        assertThat(stateAfterFold).isEqualTo(1); // the folded totals; no open window left
        assertThat(next.events()).isEqualTo(42);
        assertThat(nextAgain.events()).isEqualTo(50);
        assertThat(nextAgain.firstEvent()).isEqualTo(1);
        assertThat(nextAgain.lastEvent()).isEqualTo(2 * MINUTE - 1);
        assertThat((double) nextAgain.uniqueUsers()).isBetween(160 * 0.97, 160 * 1.03);
        assertThat(nextAgain.watermark()).isEqualTo(closed);
    }

    @Test
    void windowStaysOpenUntilItsAllowedLatenessHasPassed() throws Exception {
        long closed = MINUTE - 1 + LATENESS.toMillis();
        send(window("click", 0, 30, 0, 10, true));
        int stateWhileOpen = harness.numKeyedStateEntries();
        TypeTotals lateFiring = send(window("click", 0, 31, 0, 11, true, closed - 1));
        harness.processWatermark(new Watermark(closed));
        TypeTotals next = send(window("click", MINUTE, 5, 0, 5, false, closed));

        assertThat(stateWhileOpen).isEqualTo(1); // the open window, nothing folded yet
        assertThat(lateFiring.events()).isEqualTo(31); // replaced, not added
        assertThat(next.events()).isEqualTo(36);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2); // folded, and the next window
    }

    @Test
    void anOperatorWatermarkAheadOfTheTypesOwnFoldsNothing() throws Exception {
        // The instance that owns click was idle while another carried this operator's watermark
        // far past the window: the window's final row is still to come and must replace, not add.
        send(window("click", 0, 10, 0, 5, false, MINUTE / 2));
        harness.processWatermark(new Watermark(10 * MINUTE));
        TypeTotals fin = send(window("click", 0, 30, 0, 9, true, MINUTE - 1));
        TypeTotals next = send(window("click", MINUTE, 4, 0, 2, true, 2 * MINUTE - 1));
        TypeTotals last = send(window("click", 5 * MINUTE, 1, 0, 1, true, 6 * MINUTE - 1));

        assertThat(fin.events()).isEqualTo(30);
        assertThat(next.events()).isEqualTo(34);
        assertThat(last.events()).isEqualTo(35);
    }

    @Test
    void typesAreIndependent() throws Exception {
        TypeTotals click = send(window("click", 0, 3, 0, 3, true));
        TypeTotals view = send(window("view", 0, 7, 0, 7, true));

        assertThat(click.eventType()).isEqualTo("click");
        assertThat(click.events()).isEqualTo(3);
        assertThat(view.eventType()).isEqualTo("view");
        assertThat(view.events()).isEqualTo(7);
    }

    private Metric typeGauge(String type) {
        return metrics.find(TYPE_GAUGE, "event_type", type).orElseThrow();
    }

    @Test
    void typeGaugeEqualsTheEventsOfTheTypesLastTotals() throws Exception {
        List<WindowStats> rows =
                List.of(
                        window("click", 0, 10, 0, 5, false),
                        window("view", 0, 4, 0, 4, true),
                        window("click", 0, 25, 0, 8, true),
                        window("click", MINUTE, 7, 0, 3, false));
        for (WindowStats row : rows) {
            TypeTotals totals = send(row);

            assertThat(((Gauge<?>) typeGauge(row.eventType())).getValue())
                    .isEqualTo(totals.events());
        }
        harness.processWatermark(new Watermark(MINUTE - 1 + LATENESS.toMillis()));
        TypeTotals afterFold =
                send(window("click", MINUTE, 9, 0, 4, false, MINUTE - 1 + LATENESS.toMillis()));

        assertThat(afterFold.events()).isEqualTo(25 + 9);
        assertThat(((Gauge<?>) typeGauge("click")).getValue()).isEqualTo(afterFold.events());
        assertThat(((Gauge<?>) typeGauge("view")).getValue()).isEqualTo(4L);
        assertThat(metrics.count(TYPE_GAUGE)).isEqualTo(2);
    }

    @Test
    void typesBeyondTheLimitGetNoGaugeAndTheirEventsAreCounted() throws Exception {
        int types = EventTypeGauges.MAX_TYPES + 3;
        long overLimitEvents = 0;
        for (int i = 0; i < types; i++) {
            String type = "type-" + i;
            send(window(type, 0, i + 1, 0, 1, false));
            send(window(type, 0, 2L * (i + 1), 0, 2, true)); // replaces the first row
            if (i >= EventTypeGauges.MAX_TYPES) {
                overLimitEvents += 2L * (i + 1);
            }
        }

        assertThat(metrics.count(TYPE_GAUGE)).isEqualTo(EventTypeGauges.MAX_TYPES);
        assertThat(metrics.find(TYPE_GAUGE, "event_type", "type-" + (types - 1))).isEmpty();
        Counter overLimit = (Counter) metrics.find(OVER_LIMIT, "subtask_index", "0").orElseThrow();
        assertThat(overLimit.getCount()).isEqualTo(overLimitEvents);
    }

    @Test
    void restoredInstanceHasItsTypeGaugesBeforeAnyNewRow() throws Exception {
        TypeTotals click = send(window("click", 0, 10, 0, 5, true));
        TypeTotals view = send(window("view", 0, 4, 0, 4, false));
        OperatorSubtaskState checkpoint = harness.snapshot(1, 1);
        RecordedMetrics restoredMetrics = new RecordedMetrics();

        try (var restored = newHarness(restoredMetrics, 1, 0)) {
            restored.initializeState(checkpoint);
            restored.open();

            assertThat(restored.extractOutputValues()).isEmpty();
            assertThat(gaugeValue(restoredMetrics, "click")).isEqualTo(click.events());
            assertThat(gaugeValue(restoredMetrics, "view")).isEqualTo(view.events());
            assertThat(restoredMetrics.count(TYPE_GAUGE)).isEqualTo(2);
            TypeTotals viewAgain = send(restored, window("view", 0, 6, 0, 5, true));
            assertThat(gaugeValue(restoredMetrics, "view")).isEqualTo(viewAgain.events());
        }
    }

    @Test
    void afterRescalingEachTypesGaugeIsRestoredWhereItsStateIs() throws Exception {
        Map<String, Long> eventsAtCheckpoint = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            TypeTotals totals = send(window("type-" + i, 0, i + 1, 0, 1, true));
            eventsAtCheckpoint.put(totals.eventType(), totals.events());
        }
        OperatorSubtaskState checkpoint = harness.snapshot(1, 1);

        Map<String, Long> gauged = new HashMap<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            RecordedMetrics restoredMetrics = new RecordedMetrics();
            try (var restored = newHarness(restoredMetrics, 2, subtask)) {
                restored.initializeState(
                        AbstractStreamOperatorTestHarness.repartitionOperatorState(
                                checkpoint, MAX_PARALLELISM, 1, 2, subtask));
                restored.open();
                for (String type : eventsAtCheckpoint.keySet()) {
                    if (restoredMetrics.find(TYPE_GAUGE, "event_type", type).isEmpty()) {
                        continue;
                    }
                    assertThat(gauged.put(type, gaugeValue(restoredMetrics, type)))
                            .as("gauge of %s on one instance only", type)
                            .isNull();
                    // The type's keyed state is here too: a new window adds to its totals.
                    TypeTotals next = send(restored, window(type, MINUTE, 1, 0, 1, false));
                    assertThat(next.events()).isEqualTo(eventsAtCheckpoint.get(type) + 1);
                }
            }
        }

        assertThat(gauged).isEqualTo(eventsAtCheckpoint);
    }

    private static long gaugeValue(RecordedMetrics metrics, String type) {
        return (Long)
                ((Gauge<?>) metrics.find(TYPE_GAUGE, "event_type", type).orElseThrow()).getValue();
    }
}
