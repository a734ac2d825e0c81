package io.eventpipe.job.functions;

import io.eventpipe.job.model.TypeTotals;
import io.eventpipe.job.model.WindowStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps the all-time totals of each event type equal to the sum of its windows.
 *
 * <p>A window's figures may still change until the watermark passes its end plus the allowed
 * lateness, so the latest row of each such open window is kept as is; once past, the window is
 * folded into the {@link FoldedTotals} and forgotten. Every window row that arrives emits the
 * totals anew: folded plus every open window, so a provisional row never counts twice.
 *
 * <p>A window is folded only once both watermarks have passed it: the one its type's rows carry and
 * this operator's own. All rows of a type come from the one window instance that owns the type, in
 * order, and that instance emits no row for a window once its watermark has passed the window's end
 * plus the allowed lateness. This operator's watermark alone is not enough: it is the lowest of
 * every window instance's, and an idle one is left out of it, so after a pause in the events
 * another instance that resumes first can carry it past a window whose final row the owner has yet
 * to send; folding then would fold the provisional row and add the final one again. Until both have
 * passed, the window stays open, which costs nothing: open or folded, it counts once.
 *
 * <p>Metrics: {@code rows_emitted_total} labelled {@code table=type_totals}, {@code
 * event_time_lag_milliseconds} (processing time minus the last watermark seen, -1 before the
 * first), and per event type {@code events_total} labelled {@code event_type}, a gauge equal to the
 * events of the last totals emitted, for at most 200 types per instance ({@link EventTypeGauges};
 * the events of further types go to {@code events_over_type_limit_total}). A restored instance
 * registers the gauges of its types at once, with their counts at the checkpoint, rather than at
 * each type's next row.
 */
public class TypeTotalsFunction extends KeyedProcessFunction<String, WindowStats, TypeTotals>
        implements CheckpointedFunction {

    private final long allowedLatenessMillis;
    private transient MapState<Long, WindowStats> openWindows;
    private transient ValueState<FoldedTotals> folded;
    private transient Counter rowsEmitted;
    private transient EventTypeGauges typeGauges;
    private transient volatile long lastWatermark;
    private transient ListState<Tuple2<String, Long>> gaugedTypes;
    private transient List<Tuple2<String, Long>> restoredGauges;

    public TypeTotalsFunction(Duration allowedLateness) {
        this.allowedLatenessMillis = allowedLateness.toMillis();
    }

    // Keyed state is readable only for the key of the record at hand, so at start nothing in it
    // says which types this instance holds; the gauged types are kept in operator state as well,
    // as a union list so that after a rescale each instance can take back the types it now owns.
    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        gaugedTypes =
                context.getOperatorStateStore()
                        .getUnionListState(EventTypeGauges.stateDescriptor());
        restoredGauges =
                EventTypeGauges.ownedBy(gaugedTypes.get(), getRuntimeContext().getTaskInfo());
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        gaugedTypes.update(typeGauges.snapshot());
    }

    @Override
    public void open(OpenContext openContext) {
        openWindows =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "open-windows", Types.LONG, FlinkTypes.WINDOW_STATS));
        folded =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "folded-totals", FlinkTypes.FOLDED_TOTALS));
        rowsEmitted =
                getRuntimeContext()
                        .getMetricGroup()
                        .addGroup("table", "type_totals")
                        .counter("rows_emitted_total");
        typeGauges = new EventTypeGauges(getRuntimeContext().getMetricGroup());
        restoredGauges.forEach(gauge -> typeGauges.restore(gauge.f0, gauge.f1));
        lastWatermark = Long.MIN_VALUE;
        getRuntimeContext()
                .getMetricGroup()
                .gauge("event_time_lag_milliseconds", (Gauge<Long>) this::eventTimeLagMillis);
    }

    @Override
    public void processElement(WindowStats window, Context ctx, Collector<TypeTotals> out)
            throws Exception {
        // The window operator emits a final row before it forwards the watermark that closed the
        // window, so this operator's own watermark lags the row's: report the newer of the two.
        lastWatermark = Math.max(ctx.timerService().currentWatermark(), window.watermark());
        long addedEvents = window.events() - eventsSoFar(openWindows.get(window.windowStart()));
        openWindows.put(window.windowStart(), window);
        foldWindowsClosedBy(Math.min(window.watermark(), ctx.timerService().currentWatermark()));
        TypeTotals totals = totals(ctx.getCurrentKey(), lastWatermark);
        out.collect(totals);
        rowsEmitted.inc();
        typeGauges.update(totals.eventType(), totals.events(), addedEvents);
    }

    /** Folds the open windows that no row can change once the watermark is here. */
    private void foldWindowsClosedBy(long watermark) throws Exception {
        FoldedTotals base = foldedOrEmpty();
        boolean foldedAny = false;
        Iterator<Map.Entry<Long, WindowStats>> windows = openWindows.iterator();
        while (windows.hasNext()) {
            WindowStats window = windows.next().getValue();
            if (window.windowEnd() - 1 + allowedLatenessMillis <= watermark) {
                fold(base, window);
                windows.remove();
                foldedAny = true;
            }
        }
        if (foldedAny) {
            folded.update(base);
        }
        if (openWindows.isEmpty()) {
            openWindows.clear(); // drops the empty map itself from state
        }
    }

    // A window's rows are cumulative (its trigger never purges), so a newer row never has fewer.
    private static long eventsSoFar(WindowStats previousRow) {
        return previousRow == null ? 0 : previousRow.events();
    }

    private static void fold(FoldedTotals base, WindowStats window) {
        base.events += window.events();
        UserSketches.addSketch(base.usersSketch, window.usersSketch());
        base.firstEvent = Math.min(base.firstEvent, window.firstEvent());
        base.lastEvent = Math.max(base.lastEvent, window.lastEvent());
    }

    private TypeTotals totals(String eventType, long watermark) throws Exception {
        FoldedTotals sum = foldedOrEmpty();
        List<WindowStats> open = new ArrayList<>();
        openWindows.values().forEach(open::add);
        for (WindowStats window : open) {
            fold(sum, window);
        }
        byte[] sketch = UserSketches.toCompact(sum.usersSketch);
        return new TypeTotals(
                eventType,
                sum.events,
                UserSketches.estimate(sketch),
                sketch,
                sum.firstEvent,
                sum.lastEvent,
                watermark);
    }

    // A copy, so that adding the open windows for one emission never changes the folded state.
    private FoldedTotals foldedOrEmpty() throws Exception {
        FoldedTotals stored = folded.value();
        if (stored == null) {
            return FoldedTotals.empty();
        }
        FoldedTotals copy = new FoldedTotals();
        copy.events = stored.events;
        copy.usersSketch = stored.usersSketch.clone();
        copy.firstEvent = stored.firstEvent;
        copy.lastEvent = stored.lastEvent;
        return copy;
    }

    private long eventTimeLagMillis() {
        long watermark = lastWatermark;
        return watermark == Long.MIN_VALUE ? -1 : System.currentTimeMillis() - watermark;
    }
}
