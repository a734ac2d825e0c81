package io.eventpipe.job.functions;

import java.time.Duration;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.triggers.TriggerResult;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * Fires an event-time window provisionally while it is open, finally at its end, and again for each
 * late element the allowed lateness still admits.
 *
 * <p>Provisional firings run on a processing-time interval and only when the window received
 * elements since it last fired, so a quiet window writes no repeated rows. The interval starts with
 * the first new element, which bounds how stale a provisional row can be. The trigger never purges:
 * the window's contents stay until Flink's cleanup at end plus allowed lateness, so every firing
 * carries the whole window.
 */
public class ProvisionalThenFinalTrigger extends Trigger<Object, TimeWindow> {

    private static final ValueStateDescriptor<Long> PROVISIONAL_TIMER =
            new ValueStateDescriptor<>("provisional-timer", Types.LONG);
    private static final ValueStateDescriptor<Boolean> UNFIRED_ELEMENTS =
            new ValueStateDescriptor<>("unfired-elements", Types.BOOLEAN);

    private final long provisionalIntervalMillis;

    public ProvisionalThenFinalTrigger(Duration provisionalInterval) {
        this.provisionalIntervalMillis = provisionalInterval.toMillis();
    }

    @Override
    public TriggerResult onElement(
            Object element, long timestamp, TimeWindow window, TriggerContext ctx)
            throws Exception {
        if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
            return TriggerResult.FIRE; // late but within the allowed lateness
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        ctx.getPartitionedState(UNFIRED_ELEMENTS).update(true);
        ValueState<Long> timer = ctx.getPartitionedState(PROVISIONAL_TIMER);
        if (timer.value() == null) {
            long fireAt = ctx.getCurrentProcessingTime() + provisionalIntervalMillis;
            ctx.registerProcessingTimeTimer(fireAt);
            timer.update(fireAt);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx)
            throws Exception {
        ctx.getPartitionedState(PROVISIONAL_TIMER).clear();
        ValueState<Boolean> unfired = ctx.getPartitionedState(UNFIRED_ELEMENTS);
        if (unfired.value() == null) {
            return TriggerResult.CONTINUE;
        }
        unfired.clear();
        return TriggerResult.FIRE;
    }

    @Override
    public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx)
            throws Exception {
        if (time != window.maxTimestamp()) {
            return TriggerResult.CONTINUE; // the cleanup timer at end plus allowed lateness
        }
        deleteProvisionalTimer(ctx);
        ctx.getPartitionedState(UNFIRED_ELEMENTS).clear();
        return TriggerResult.FIRE;
    }

    @Override
    public void clear(TimeWindow window, TriggerContext ctx) throws Exception {
        ctx.deleteEventTimeTimer(window.maxTimestamp());
        deleteProvisionalTimer(ctx);
        ctx.getPartitionedState(UNFIRED_ELEMENTS).clear();
    }

    private static void deleteProvisionalTimer(TriggerContext ctx) throws Exception {
        ValueState<Long> timer = ctx.getPartitionedState(PROVISIONAL_TIMER);
        if (timer.value() != null) {
            ctx.deleteProcessingTimeTimer(timer.value());
            timer.clear();
        }
    }

    @Override
    public String toString() {
        return "ProvisionalThenFinalTrigger(every " + provisionalIntervalMillis + " ms)";
    }
}
