package io.eventpipe.job.functions;

import io.eventpipe.job.records.ParsedEvent;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Aggregates one event type's window incrementally: count, user sketch, first and last event time,
 * and exact per-key counts from which the top keys are taken.
 *
 * <p>Duplicated events (the same event id twice) are counted twice: the job does not deduplicate;
 * the user sketch is unaffected by duplicates by nature.
 */
public class WindowStatsAggregate
        implements AggregateFunction<ParsedEvent, WindowAccumulator, WindowSummary> {

    private final int topK;

    public WindowStatsAggregate(int topK) {
        this.topK = topK;
    }

    @Override
    public WindowAccumulator createAccumulator() {
        return WindowAccumulator.empty();
    }

    @Override
    public WindowAccumulator add(ParsedEvent event, WindowAccumulator accumulator) {
        accumulator.events++;
        UserSketches.addUser(accumulator.usersSketch, event.userId());
        accumulator.firstEvent = Math.min(accumulator.firstEvent, event.eventTime());
        accumulator.lastEvent = Math.max(accumulator.lastEvent, event.eventTime());
        if (event.key() != null) {
            accumulator.keyCounts.merge(event.key(), 1L, Long::sum);
        }
        return accumulator;
    }

    @Override
    public WindowSummary getResult(WindowAccumulator accumulator) {
        byte[] sketch = UserSketches.toCompact(accumulator.usersSketch);
        return new WindowSummary(
                accumulator.events,
                UserSketches.estimate(sketch),
                sketch,
                accumulator.firstEvent,
                accumulator.lastEvent,
                TopKeys.of(accumulator.keyCounts, topK));
    }

    @Override
    public WindowAccumulator merge(WindowAccumulator into, WindowAccumulator from) {
        into.events += from.events;
        UserSketches.addUpdatable(into.usersSketch, from.usersSketch);
        into.firstEvent = Math.min(into.firstEvent, from.firstEvent);
        into.lastEvent = Math.max(into.lastEvent, from.lastEvent);
        from.keyCounts.forEach((key, count) -> into.keyCounts.merge(key, count, Long::sum));
        return into;
    }
}
