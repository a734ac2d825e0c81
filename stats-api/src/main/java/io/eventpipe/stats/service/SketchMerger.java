package io.eventpipe.stats.service;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;

/**
 * Estimates the distinct users of several windows by uniting their HLL sketches.
 *
 * <p>Distinct counts cannot be summed (a user active in two windows would count twice), so the
 * stored compact sketches are merged. The union's lgMaxK matches the job's lgK of 14, which keeps
 * the job's precision: about 1% relative standard error. Each sketch is read in place, wrapped
 * rather than copied onto the heap, which makes a long range several times cheaper. Empty sketch
 * columns (rows written without users) are skipped.
 *
 * <p>While the union holds few users its estimate (HIP) depends on the order in which the sketches'
 * entries arrive, by a fraction of the estimator's own error; the service therefore adds windows in
 * a fixed order, newest first. Not thread-safe: one instance per request and type.
 */
public final class SketchMerger {

    /** The lgK the job builds its sketches with; a union never has more precision than this. */
    public static final int LG_MAX_K = 14;

    private final Union union = new Union(LG_MAX_K);

    /** Adds the users of one serialized compact HLL sketch; the buffer is only read. */
    public void add(ByteBuffer compactSketch) {
        if (compactSketch.hasRemaining()) {
            union.update(HllSketch.wrap(view(compactSketch)));
        }
    }

    /** The estimated number of distinct users added so far, rounded to a whole number. */
    public long estimate() {
        return Math.round(union.getEstimate());
    }

    // DataSketches serializes little-endian; Memory's ByteBuffer view would take the buffer's
    // big-endian default and ignore its position, so the backing array is wrapped instead.
    private static Memory view(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            return Memory.wrap(
                    buffer.array(),
                    buffer.arrayOffset() + buffer.position(),
                    buffer.remaining(),
                    ByteOrder.LITTLE_ENDIAN);
        }
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return Memory.wrap(copy, ByteOrder.LITTLE_ENDIAN);
    }
}
