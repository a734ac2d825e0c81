package io.eventpipe.job.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.junit.jupiter.api.Test;

class UserSketchesTest {

    @Test
    void inPlaceUpdatesEstimateLikeAHeapSketchOfTheSameUsers() {
        byte[] updatable = UserSketches.newUpdatable();
        HllSketch heap = new HllSketch(UserSketches.LG_K, TgtHllType.HLL_4);
        int sizeBefore = updatable.length;
        for (int i = 0; i < 20_000; i++) {
            UserSketches.addUser(updatable, "user-" + i);
            heap.update("user-" + i);
        }

        byte[] compact = UserSketches.toCompact(updatable);

        assertThat(updatable).hasSize(sizeBefore); // never reallocated
        assertThat(UserSketches.estimate(compact)).isEqualTo(Math.round(heap.getEstimate()));
        assertThat(compact.length).isLessThan(updatable.length);
    }

    @Test
    void unionOfDisjointWindowsEstimatesTheirSum() {
        byte[] first = UserSketches.newUpdatable();
        byte[] second = UserSketches.newUpdatable();
        for (int i = 0; i < 3000; i++) {
            UserSketches.addUser(first, "a-" + i);
            UserSketches.addUser(second, "b-" + i);
        }

        byte[] union =
                UserSketches.unionOfCompact(
                        List.of(UserSketches.toCompact(first), UserSketches.toCompact(second)));
        UserSketches.addSketch(first, UserSketches.toCompact(second));

        assertThat((double) UserSketches.estimate(union)).isBetween(6000 * 0.97, 6000 * 1.03);
        assertThat(UserSketches.estimate(UserSketches.toCompact(first)))
                .isEqualTo(UserSketches.estimate(union));
    }
}
