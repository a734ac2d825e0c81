package io.eventpipe.job.testing;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/**
 * The MiniCluster the job's tests run on: one TaskManager with two slots, enough for the job at
 * parallelism 2 (all operators share a slot group) while staying light on a 2-core machine.
 */
public final class TwoSlotMiniCluster {

    private TwoSlotMiniCluster() {}

    /** A new extension, to register as a static field with {@code @RegisterExtension}. */
    public static MiniClusterExtension extension() {
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setNumberTaskManagers(1)
                        .setNumberSlotsPerTaskManager(2)
                        .build());
    }
}
