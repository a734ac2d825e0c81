package io.eventpipe.job;

import static io.eventpipe.job.functions.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.job.config.WindowOptions;
import io.eventpipe.job.functions.FlinkTypes;
import io.eventpipe.job.model.KeyCount;
import io.eventpipe.job.model.WindowStats;
import io.eventpipe.job.records.ParsedEvent;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The window stage exactly as the pipeline builds it (assigner, trigger, lateness, aggregate and
 * emitter), driven through Flink's operator test harness with controlled watermarks and processing
 * time.
 */
class WindowStageTest {

    private static final long MINUTE = 60_000;

    private KeyedOneInputStreamOperatorTestHarness<String, ParsedEvent, WindowStats> harness;

    private void open(Duration allowedLateness) throws Exception {
        WindowOptions windows =
                new WindowOptions(
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(1),
                        allowedLateness,
                        Duration.ofSeconds(5),
                        2);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStream<ParsedEvent> events = env.fromData(event("click", "u", 0, "/a"));
        OneInputTransformation<ParsedEvent, WindowStats> transformation =
                (OneInputTransformation<ParsedEvent, WindowStats>)
                        EventAnalyticsPipeline.windowStats(windows, events).getTransformation();
        OneInputStreamOperator<ParsedEvent, WindowStats> operator = transformation.getOperator();
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        operator, ParsedEvent::eventType, Types.STRING);
        harness.setup(FlinkTypes.WINDOW_STATS.createSerializer(new SerializerConfigImpl()));
        harness.open();
        harness.setProcessingTime(0);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void add(String type, String user, long time, String key) throws Exception {
        harness.processElement(new StreamRecord<>(event(type, user, time, key), time));
    }

    private List<WindowStats> drain() {
        List<WindowStats> out = List.copyOf(harness.extractOutputValues());
        harness.getOutput().clear();
        return out;
    }

    @Test
    void provisionalRowOnlyAfterTheIntervalAndOnlyWhenNewElementsArrived() throws Exception {
        open(Duration.ZERO);
        add("click", "u1", 1_000, "/a");
        assertThat(drain()).isEmpty();

        harness.setProcessingTime(5_000);
        List<WindowStats> first = drain();
        harness.setProcessingTime(20_000);
        List<WindowStats> quiet = drain();
        add("click", "u2", 2_000, "/b");
        add("click", "u2", 1_500, "/b");
        harness.setProcessingTime(24_999);
        List<WindowStats> beforeInterval = drain();
        harness.setProcessingTime(25_000);
        List<WindowStats> second = drain();

        assertThat(first)
                .singleElement()
                .satisfies(
                        row -> {
                            assertThat(row.isFinal()).isFalse();
                            assertThat(row.events()).isEqualTo(1);
                            assertThat(row.windowStart()).isEqualTo(0);
                            assertThat(row.windowEnd()).isEqualTo(MINUTE);
                        });
        assertThat(quiet).isEmpty();
        assertThat(beforeInterval).isEmpty();
        assertThat(second)
                .singleElement()
                .satisfies(
                        row -> {
                            assertThat(row.isFinal()).isFalse();
                            assertThat(row.events()).isEqualTo(3);
                            assertThat(row.uniqueUsers()).isEqualTo(2);
                            assertThat(row.firstEvent()).isEqualTo(1_000);
                            assertThat(row.lastEvent()).isEqualTo(2_000);
                            assertThat(row.topKeys())
                                    .containsExactly(new KeyCount("/b", 2), new KeyCount("/a", 1));
                        });
    }

    @Test
    void finalRowAtWindowEndThenStateAndTimersAreGone() throws Exception {
        open(Duration.ZERO);
        add("click", "u1", 59_999, "/a");
        add("view", "u1", 30_000, "/a");
        add("click", "u2", 60_000, "/a"); // the next window

        harness.processWatermark(new Watermark(MINUTE - 2));
        List<WindowStats> beforeEnd = drain();
        harness.processWatermark(new Watermark(MINUTE - 1));
        List<WindowStats> atEnd = drain();

        assertThat(beforeEnd).isEmpty();
        assertThat(atEnd)
                .extracting(
                        WindowStats::eventType,
                        WindowStats::events,
                        WindowStats::isFinal,
                        WindowStats::watermark)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("click", 1L, true, MINUTE - 1),
                        org.assertj.core.groups.Tuple.tuple("view", 1L, true, MINUTE - 1));
        // Only the next window's event-time timer and provisional timer remain.
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        harness.processWatermark(new Watermark(2 * MINUTE - 1));
        assertThat(drain()).singleElement().satisfies(row -> assertThat(row.isFinal()).isTrue());
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void lateButAllowedElementFiresAgainWithTheWholeWindowAndTooLateGoesToTheSideOutput()
            throws Exception {
        open(Duration.ofSeconds(10));
        add("click", "u1", 10_000, "/a");
        harness.processWatermark(new Watermark(MINUTE + 1_000));
        WindowStats onTime = drain().get(0);

        add("click", "u2", 20_000, "/b"); // late, but within the allowed 10 s
        WindowStats lateFiring = drain().get(0);
        harness.processWatermark(new Watermark(MINUTE + 9_999));
        ParsedEvent tooLate = event("click", "u3", 30_000, "/c");
        harness.processElement(new StreamRecord<>(tooLate, 30_000));

        assertThat(onTime.events()).isEqualTo(1);
        assertThat(onTime.isFinal()).isTrue();
        assertThat(lateFiring.events()).isEqualTo(2);
        assertThat(lateFiring.isFinal()).isTrue();
        assertThat(lateFiring.watermark()).isEqualTo(MINUTE + 1_000);
        assertThat(drain()).isEmpty();
        assertThat(harness.getSideOutput(EventAnalyticsPipeline.LATE_EVENTS))
                .extracting(StreamRecord::getValue)
                .usingRecursiveFieldByFieldElementComparator()
                .containsExactly(tooLate);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void provisionalTimerPendingAtTheEndIsDeletedAndNeverFiresAfterTheFinalRow() throws Exception {
        open(Duration.ZERO);
        add("click", "u1", 1_000, "/a");

        harness.processWatermark(new Watermark(MINUTE - 1));
        List<WindowStats> atEnd = drain();
        harness.setProcessingTime(60_000);

        assertThat(atEnd).singleElement().satisfies(row -> assertThat(row.isFinal()).isTrue());
        assertThat(drain()).isEmpty();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }
}
