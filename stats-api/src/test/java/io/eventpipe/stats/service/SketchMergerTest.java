package io.eventpipe.stats.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.junit.jupiter.api.Test;

class SketchMergerTest {

    @Test
    void unionOfOverlappingWindowsEstimatesTheExactDistinctCount() {
        Random random = new Random(42);
        Set<String> allUsers = new HashSet<>();
        SketchMerger merger = new SketchMerger();
        long summedPerWindow = 0;
        for (int window = 0; window < 30; window++) {
            HllSketch sketch = new HllSketch(SketchMerger.LG_MAX_K, TgtHllType.HLL_4);
            Set<String> windowUsers = new HashSet<>();
            for (int event = 0; event < 2_000; event++) {
                String user = "user-" + random.nextInt(20_000);
                sketch.update(user);
                windowUsers.add(user);
            }
            allUsers.addAll(windowUsers);
            summedPerWindow += windowUsers.size();
            merger.add(ByteBuffer.wrap(sketch.toCompactByteArray()));
        }

        // lgK 14 has a relative standard error near 0.8%; 3% is over three sigmas.
        assertThat((double) merger.estimate())
                .isCloseTo(allUsers.size(), within(allUsers.size() * 0.03));
        assertThat(summedPerWindow).isGreaterThan(allUsers.size() + allUsers.size() / 10);
    }

    @Test
    void emptySketchColumnsAddNoUsers() {
        SketchMerger merger = new SketchMerger();
        HllSketch sketch = new HllSketch(SketchMerger.LG_MAX_K, TgtHllType.HLL_4);
        sketch.update("user-1");
        sketch.update("user-2");

        merger.add(ByteBuffer.wrap(new byte[0]));
        merger.add(ByteBuffer.wrap(sketch.toCompactByteArray()));

        assertThat(merger.estimate()).isEqualTo(2);
    }

    @Test
    void readsASketchFromThePositionOfABufferOverALargerArray() {
        HllSketch sketch = new HllSketch(SketchMerger.LG_MAX_K, TgtHllType.HLL_4);
        for (int user = 0; user < 500; user++) {
            sketch.update("user-" + user);
        }
        byte[] image = sketch.toCompactByteArray();
        byte[] padded = new byte[image.length + 20];
        System.arraycopy(image, 0, padded, 7, image.length);
        SketchMerger fromSlice = new SketchMerger();
        SketchMerger fromImage = new SketchMerger();

        fromSlice.add(ByteBuffer.wrap(padded, 7, image.length).slice());
        fromImage.add(ByteBuffer.wrap(image));

        assertThat(fromSlice.estimate()).isEqualTo(fromImage.estimate());
        assertThat((double) fromSlice.estimate()).isCloseTo(500, within(15.0));
    }
}
