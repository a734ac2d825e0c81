package io.eventpipe.job.functions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * Exports, per event type, a gauge of the type's all-time event count, so that a dashboard can
 * graph events per second by type with {@code rate()}.
 *
 * <p>A type's gauge is registered at its first update in this operator instance and is exported by
 * Flink's Prometheus reporter as {@code
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

    /**
     * Records the type's new all-time count; {@code addedEvents} is its growth since the type's
     * previous update, counted in the overflow counter when the type has no gauge.
     */
    void update(String eventType, long allTimeCount, long addedEvents) {
        if (allTimeEvents.containsKey(eventType)) {
            allTimeEvents.put(eventType, allTimeCount);
        } else if (allTimeEvents.size() < MAX_TYPES) {
            allTimeEvents.put(eventType, allTimeCount);
            operatorMetrics
                    .addGroup("event_type", eventType)
                    .gauge("events_total", (Gauge<Long>) () -> allTimeEvents.get(eventType));
        } else {
            eventsOverTypeLimit.inc(addedEvents);
        }
    }
}
