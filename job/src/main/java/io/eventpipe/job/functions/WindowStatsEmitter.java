package io.eventpipe.job.functions;

import io.eventpipe.job.model.WindowStats;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Turns each firing of a window into a {@link WindowStats} row: final once the watermark has
 * reached the window's last millisecond, provisional before.
 *
 * <p>A late-but-allowed firing is final too and carries the whole window again, so the row it
 * writes replaces the earlier one. Metrics: {@code windows_fired_total} labelled {@code
 * kind=provisional|final}, {@code rows_emitted_total} labelled {@code table=window_stats}.
 */
public class WindowStatsEmitter
        extends ProcessWindowFunction<WindowSummary, WindowStats, String, TimeWindow> {

    private transient Counter provisionalFirings;
    private transient Counter finalFirings;
    private transient Counter rowsEmitted;

    @Override
    public void open(OpenContext openContext) {
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        provisionalFirings = metrics.addGroup("kind", "provisional").counter("windows_fired_total");
        finalFirings = metrics.addGroup("kind", "final").counter("windows_fired_total");
        rowsEmitted = metrics.addGroup("table", "window_stats").counter("rows_emitted_total");
    }

    @Override
    public void process(
            String eventType,
            Context context,
            Iterable<WindowSummary> summaries,
            Collector<WindowStats> out) {
        TimeWindow window = context.window();
        long watermark = context.currentWatermark();
        boolean isFinal = watermark >= window.maxTimestamp();
        (isFinal ? finalFirings : provisionalFirings).inc();
        WindowSummary summary = summaries.iterator().next();
        out.collect(
                new WindowStats(
                        eventType,
                        window.getStart(),
                        window.getEnd(),
                        summary.events(),
                        summary.uniqueUsers(),
                        summary.usersSketch(),
                        summary.firstEvent(),
                        summary.lastEvent(),
                        summary.topKeys(),
                        isFinal,
                        watermark));
        rowsEmitted.inc();
    }
}
