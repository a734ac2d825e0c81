package io.eventpipe.job.functions;

import java.util.HashMap;
import java.util.Map;

/**
 * The running aggregate of one event type's window: a Flink POJO so that state is serialized
 * without Kryo (its type information is {@link FlinkTypes#WINDOW_ACCUMULATOR}).
 *
 * <p>{@code keyCounts} holds an exact count per key, so the top keys are exact; its size grows with
 * the number of distinct keys in a window, which is why the key field should be something of
 * bounded cardinality (a page, a product), not a user or an event id.
 */
public class WindowAccumulator {

    public long events;

    /** An updatable image from {@link UserSketches#newUpdatable()}. */
    public byte[] usersSketch;

    public long firstEvent = Long.MAX_VALUE;

    public long lastEvent = Long.MIN_VALUE;

    public Map<String, Long> keyCounts = new HashMap<>();

    /** An empty accumulator with an empty sketch. */
    public static WindowAccumulator empty() {
        WindowAccumulator accumulator = new WindowAccumulator();
        accumulator.usersSketch = UserSketches.newUpdatable();
        return accumulator;
    }
}
