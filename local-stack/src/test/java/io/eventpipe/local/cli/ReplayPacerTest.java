package io.eventpipe.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReplayPacerTest {

    private static final long START_NANOS = 5_000_000_000L;
    private static final long T0 = 1_511_544_070_000L;

    @Test
    void firstTimedEventGoesAtOnceAndAnchorsTheSchedule() {
        ReplayPacer pacer = new ReplayPacer(1.0);

        assertThat(pacer.delayNanos(T0, START_NANOS)).isZero();
        assertThat(pacer.delayNanos(T0 + 2_000, START_NANOS)).isEqualTo(seconds(2));
    }

    @Test
    void speedDividesTheGapsBetweenEvents() {
        ReplayPacer pacer = new ReplayPacer(60.0);
        pacer.delayNanos(T0, START_NANOS);

        // One minute of event time is one second of replay at 60x.
        long delay = pacer.delayNanos(T0 + 60_000, START_NANOS);

        assertThat(delay).isEqualTo(seconds(1));
    }

    @Test
    void timeAlreadySpentSendingCountsTowardsTheWait() {
        ReplayPacer pacer = new ReplayPacer(2.0);
        pacer.delayNanos(T0, START_NANOS);

        long delay = pacer.delayNanos(T0 + 10_000, START_NANOS + seconds(3));

        assertThat(delay).isEqualTo(seconds(2));
    }

    @Test
    void eventsAlreadyDueOrOlderThanTheAnchorGoAtOnce() {
        ReplayPacer pacer = new ReplayPacer(1.0);
        pacer.delayNanos(T0, START_NANOS);

        assertThat(pacer.delayNanos(T0 + 1_000, START_NANOS + seconds(5))).isZero();
        assertThat(pacer.delayNanos(T0 - 3_000, START_NANOS)).isZero();
    }

    @Test
    void speedMustBePositiveAndFinite() {
        assertThatThrownBy(() -> new ReplayPacer(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplayPacer(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplayPacer(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long seconds(long s) {
        return TimeUnit.SECONDS.toNanos(s);
    }
}
