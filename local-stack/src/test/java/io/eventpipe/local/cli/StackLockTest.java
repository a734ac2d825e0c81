package io.eventpipe.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackLockTest {

    @TempDir Path checkout;

    @Test
    void aSecondCommandFindsTheLockTakenUntilTheFirstReleasesIt() throws Exception {
        StackLayout layout = new StackLayout(checkout);

        try (StackLock first = StackLock.tryAcquire(layout).orElseThrow()) {
            assertThat(StackLock.tryAcquire(layout)).isEmpty();
        }
        Optional<StackLock> afterRelease = StackLock.tryAcquire(layout);

        assertThat(afterRelease).isPresent();
        afterRelease.get().close();
    }
}
