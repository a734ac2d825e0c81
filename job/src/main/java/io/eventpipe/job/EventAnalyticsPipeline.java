package io.eventpipe.job;

import io.eventpipe.job.config.JobOptions;
import io.eventpipe.job.config.WindowOptions;
import io.eventpipe.job.functions.FlinkTypes;
import io.eventpipe.job.functions.LateEventsToDeadLetters;
import io.eventpipe.job.functions.ProvisionalThenFinalTrigger;
import io.eventpipe.job.functions.TypeTotalsFunction;
import io.eventpipe.job.functions.WindowStatsAggregate;
import io.eventpipe.job.functions.WindowStatsEmitter;
import io.eventpipe.job.model.TypeTotals;
import io.eventpipe.job.model.WindowStats;
import io.eventpipe.job.parsing.EventTimeAssigner;
import io.eventpipe.job.parsing.ParseEventsFunction;
import io.eventpipe.job.records.DeadLetter;
import io.eventpipe.job.records.ParsedEvent;
import io.eventpipe.job.records.RawEvent;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * The job's processing from raw records to window rows, totals rows and dead letters, with its
 * sources and sinks left to the caller so that tests can feed finite input and collect output.
 *
 * <p>The raw stream must already carry event-time timestamps and watermarks from {@link
 * #watermarkStrategy}, applied at the source so that each Kafka partition has its own watermark.
 */
public final class EventAnalyticsPipeline {

    /** Valid events that came after their window's allowed lateness. */
    static final OutputTag<ParsedEvent> LATE_EVENTS = new OutputTag<>("late-events") {};

    private EventAnalyticsPipeline() {}

    /** The output streams of the pipeline. */
    public record Outputs(
            DataStream<WindowStats> windowStats,
            DataStream<TypeTotals> typeTotals,
            DataStream<DeadLetter> deadLetters) {}

    /**
     * Event time from the parsed time field; bounded disorder; idle partitions stop holding the
     * watermark back.
     */
    public static WatermarkStrategy<RawEvent> watermarkStrategy(JobOptions options) {
        WindowOptions windows = options.windows();
        return WatermarkStrategy.<RawEvent>forBoundedOutOfOrderness(windows.maxOutOfOrderness())
                .withTimestampAssigner(new EventTimeAssigner(options.fields()))
                .withIdleness(windows.idleTimeout());
    }

    /** Adds the processing of {@code raw} to its environment and returns the outputs. */
    public static Outputs build(JobOptions options, DataStream<RawEvent> raw) {
        // Parse; bad records become dead letters instead of failures.
        SingleOutputStreamOperator<ParsedEvent> events = parse(options, raw);

        // One window per event type and period; provisional rows while open, final at the end.
        SingleOutputStreamOperator<WindowStats> windowStats =
                windowStats(options.windows(), events);

        // Events too late for their window are kept as dead letters, not dropped.
        DataStream<DeadLetter> lateEvents = lateEvents(windowStats);

        // All-time totals, always the exact sum of the windows written so far.
        DataStream<TypeTotals> typeTotals = typeTotals(options.windows(), windowStats);

        DataStream<DeadLetter> deadLetters =
                events.getSideOutput(ParseEventsFunction.DEAD_LETTERS).union(lateEvents);
        return new Outputs(windowStats, typeTotals, deadLetters);
    }

    static SingleOutputStreamOperator<ParsedEvent> parse(
            JobOptions options, DataStream<RawEvent> raw) {
        return raw.process(new ParseEventsFunction(options.fields()))
                .uid("parse-events")
                .name("Parse events");
    }

    static SingleOutputStreamOperator<WindowStats> windowStats(
            WindowOptions windows, DataStream<ParsedEvent> events) {
        return events.keyBy(ParsedEvent::eventType)
                .window(TumblingEventTimeWindows.of(windows.windowSize()))
                .trigger(new ProvisionalThenFinalTrigger(windows.provisionalInterval()))
                .allowedLateness(windows.allowedLateness())
                .sideOutputLateData(LATE_EVENTS)
                .aggregate(
                        new WindowStatsAggregate(windows.topK()),
                        new WindowStatsEmitter(),
                        FlinkTypes.WINDOW_ACCUMULATOR,
                        FlinkTypes.WINDOW_SUMMARY,
                        FlinkTypes.WINDOW_STATS)
                .uid("window-stats")
                .name("Window stats");
    }

    static DataStream<DeadLetter> lateEvents(SingleOutputStreamOperator<WindowStats> windowStats) {
        return windowStats
                .getSideOutput(LATE_EVENTS)
                .map(new LateEventsToDeadLetters())
                .uid("late-events")
                .name("Late events to dead letters");
    }

    static SingleOutputStreamOperator<TypeTotals> typeTotals(
            WindowOptions windows, DataStream<WindowStats> windowStats) {
        return windowStats
                .keyBy(WindowStats::eventType)
                .process(new TypeTotalsFunction(windows.allowedLateness()))
                .returns(FlinkTypes.TYPE_TOTALS)
                .uid("type-totals")
                .name("Type totals");
    }
}
