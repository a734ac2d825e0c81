package io.eventpipe.job.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;

/**
 * Exports, per event type, a gauge of the type's all-time event count, so that a dashboard can
 * graph events per second by type with {@code rate()}.
 *
 * <p>A type's gauge is registered at its first update in this operator instance, or when the
 * instance starts from a checkpoint in which the type had one ({@link #restore}), and is exported
 * by Flink's Prometheus reporter as {@code
 * flink_taskmanager_job_task_operator_event_type_events_total{event_type="..."}}. The value only
 * grows, because it is the exact all-time total restored from state; after a restart the new task
 * attempt is a new series, which {@code rate()} starts from rather than counting as an increase.
 *
 * <p>Event types are whatever producers send, so at most {@link #MAX_TYPES} types per operator
 * instance get a gauge: every gauge is a series on the TaskManager and in Prometheus, and one
 * producer writing ids into the type field must not swamp both. Later types are counted instead in
 * {@code events_over_type_limit_total}, the events they added since this instance started. Used
 * from the task thread only; gauges are read from the reporter's thread.
 */
final class EventTypeGauges {

    /**
     * Far above the tens of types an application usually has, yet 200 series per instance at most.
     */
    static final int MAX_TYPES = 200;

    private final MetricGroup operatorMetrics;
    private final Map<String, Long> allTimeEvents = new ConcurrentHashMap<>();
    private final Counter eventsOverTypeLimit;

    EventTypeGauges(MetricGroup operatorMetrics) {
        this.operatorMetrics = operatorMetrics;
        this.eventsOverTypeLimit = operatorMetrics.counter("events_over_type_limit_total");
    }

    /** The operator state that keeps the gauged types and their counts across restarts. */
    static ListStateDescriptor<Tuple2<String, Long>> stateDescriptor() {
        return new ListStateDescriptor<>(
                "event-type-gauges", Types.TUPLE(Types.STRING, Types.LONG));
    }

    /**
     * Records the type's new all-time count; {@code addedEvents} is its growth since the type's
     * previous update, counted in the overflow counter when the type has no gauge.
     */
    void update(String eventType, long allTimeCount, long addedEvents) {
        if (!register(eventType, allTimeCount)) {
            eventsOverTypeLimit.inc(addedEvents);
        }
    }

    /** Gives a type its gauge again after a restart, with the count it had at the checkpoint. */
    void restore(String eventType, long allTimeCount) {
        register(eventType, allTimeCount);
    }

    /** The gauged types with their counts, for {@link #stateDescriptor()}. */
    List<Tuple2<String, Long>> snapshot() {
        List<Tuple2<String, Long>> entries = new ArrayList<>();
        allTimeEvents.forEach((type, count) -> entries.add(Tuple2.of(type, count)));
        return entries;
    }

    /**
     * The entries of a restored snapshot whose type is a key of this parallel instance: after a
     * rescale each type's gauge belongs with its keyed state, on exactly one instance.
     */
    static List<Tuple2<String, Long>> ownedBy(
            Iterable<Tuple2<String, Long>> restored, TaskInfo task) {
        List<Tuple2<String, Long>> owned = new ArrayList<>();
        for (Tuple2<String, Long> entry : restored) {
            int owner =
                    KeyGroupRangeAssignment.assignKeyToParallelOperator(
                            entry.f0,
                            task.getMaxNumberOfParallelSubtasks(),
                            task.getNumberOfParallelSubtasks());
            if (owner == task.getIndexOfThisSubtask()) {
                owned.add(entry);
            }
        }
        return owned;
    }

    // Returns whether the type has a gauge, registering one while under the limit.
    private boolean register(String eventType, long allTimeCount) {
        if (allTimeEvents.containsKey(eventType)) {
            allTimeEvents.put(eventType, allTimeCount);
            return true;
        }
        if (allTimeEvents.size() >= MAX_TYPES) {
            return false;
        }
        allTimeEvents.put(eventType, allTimeCount);
        operatorMetrics
                .addGroup("event_type", eventType)
                .gauge("events_total", (Gauge<Long>) () -> allTimeEvents.get(eventType));
        return true;
    }
}
