package io.eventpipe.job.functions;

import static io.eventpipe.job.functions.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.job.model.KeyCount;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.memory.Memory;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class WindowStatsAggregateTest {

    private final WindowStatsAggregate aggregate = new WindowStatsAggregate(2);

    @Test
    void countsEveryEventAndKeepsFirstAndLastEventTimeOfOutOfOrderInput() {
        WindowAccumulator acc = aggregate.createAccumulator();
        aggregate.add(event("click", "u1", 500, "/a"), acc);
        aggregate.add(event("click", "u2", 100, "/b"), acc);
        aggregate.add(event("click", "u1", 900, "/a"), acc);
        aggregate.add(event("click", "u1", 300, "/a"), acc); // a duplicate of user and key

        WindowSummary summary = aggregate.getResult(acc);

        assertThat(summary.events()).isEqualTo(4);
        assertThat(summary.firstEvent()).isEqualTo(100);
        assertThat(summary.lastEvent()).isEqualTo(900);
        assertThat(summary.uniqueUsers()).isEqualTo(2);
        assertThat(summary.topKeys()).containsExactly(new KeyCount("/a", 3), new KeyCount("/b", 1));
    }

    @Test
    void sketchIsCompactHll4OfTheDistinctUsers() {
        WindowAccumulator acc = aggregate.createAccumulator();
        for (int i = 0; i < 5000; i++) {
            aggregate.add(event("click", "user-" + (i % 1200), i, null), acc);
        }

        WindowSummary summary = aggregate.getResult(acc);
        HllSketch sketch = HllSketch.heapify(summary.usersSketch());

        assertThat(sketch.getLgConfigK()).isEqualTo(14);
        assertThat(sketch.getTgtHllType()).isEqualTo(TgtHllType.HLL_4);
        assertThat(HllSketch.wrap(Memory.wrap(summary.usersSketch())).isCompact()).isTrue();
        // lgK 14: relative standard error about 0.8%; 3% is beyond three of them.
        assertThat((double) summary.uniqueUsers()).isCloseTo(1200, Offset.offset(36.0));
        assertThat(summary.topKeys()).isEmpty();
    }

    @Test
    void mergeAddsCountsKeysUsersAndWidensTimes() {
        WindowAccumulator left = aggregate.createAccumulator();
        WindowAccumulator right = aggregate.createAccumulator();
        aggregate.add(event("click", "u1", 200, "/a"), left);
        aggregate.add(event("click", "u2", 100, "/b"), right);
        aggregate.add(event("click", "u3", 300, "/b"), right);

        WindowSummary merged = aggregate.getResult(aggregate.merge(left, right));

        assertThat(merged.events()).isEqualTo(3);
        assertThat(merged.uniqueUsers()).isEqualTo(3);
        assertThat(merged.firstEvent()).isEqualTo(100);
        assertThat(merged.lastEvent()).isEqualTo(300);
        assertThat(merged.topKeys()).containsExactly(new KeyCount("/b", 2), new KeyCount("/a", 1));
    }
}
