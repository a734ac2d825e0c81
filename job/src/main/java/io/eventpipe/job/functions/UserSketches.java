package io.eventpipe.job.functions;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.memory.WritableMemory;

/**
 * The HyperLogLog sketches of user ids: updatable images kept in Flink state, compact images
 * written to Cassandra.
 *
 * <p>The updatable image is a DataSketches HLL {@link Union} laid out in a plain {@code byte[]} of
 * fixed size (about 16 KiB at lgK 14) and updated in place through {@link Union#writableWrap}:
 * adding a user costs a hash and a register write, not a copy of the sketch, and Flink serializes
 * the array as bytes without Kryo. The compact image is HLL_4 with lgK 14 (about 1.6% relative
 * standard error), the format stats-api expects to union any range of windows.
 */
public final class UserSketches {

    /** Log2 of the number of HLL registers. */
    public static final int LG_K = 14;

    /** The register width of the sketches written out. */
    public static final TgtHllType STORED_TYPE = TgtHllType.HLL_4;

    private UserSketches() {}

    /** A new, empty updatable image. */
    public static byte[] newUpdatable() {
        byte[] image = new byte[Union.getMaxSerializationBytes(LG_K)];
        new Union(LG_K, WritableMemory.writableWrap(image));
        return image;
    }

    /** Adds a user id to an updatable image, in place. */
    public static void addUser(byte[] updatable, String userId) {
        Union.writableWrap(WritableMemory.writableWrap(updatable)).update(userId);
    }

    /** Adds every user of a compact or updatable sketch image to an updatable image. */
    public static void addSketch(byte[] updatable, byte[] sketch) {
        Union.writableWrap(WritableMemory.writableWrap(updatable))
                .update(HllSketch.heapify(Memory.wrap(sketch)));
    }

    /** Adds every user of another updatable image to an updatable image, in place. */
    public static void addUpdatable(byte[] updatable, byte[] other) {
        Union.writableWrap(WritableMemory.writableWrap(updatable))
                .update(Union.heapify(Memory.wrap(other)).getResult());
    }

    /** The compact HLL_4 image of an updatable image. */
    public static byte[] toCompact(byte[] updatable) {
        return Union.heapify(Memory.wrap(updatable)).getResult(STORED_TYPE).toCompactByteArray();
    }

    /** The estimated number of distinct users in a compact or updatable sketch image. */
    public static long estimate(byte[] compact) {
        return Math.round(HllSketch.heapify(Memory.wrap(compact)).getEstimate());
    }

    /** The compact union of compact sketch images. */
    public static byte[] unionOfCompact(Iterable<byte[]> compactSketches) {
        Union union = new Union(LG_K);
        for (byte[] sketch : compactSketches) {
            union.update(HllSketch.heapify(Memory.wrap(sketch)));
        }
        return union.getResult(STORED_TYPE).toCompactByteArray();
    }
}
