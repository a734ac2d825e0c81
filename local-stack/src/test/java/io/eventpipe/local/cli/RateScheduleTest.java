package io.eventpipe.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateScheduleTest {

    @Test
    void lowRatesSendOneEventPerTick() {
        RateSchedule schedule = new RateSchedule(10, Long.MAX_VALUE);

        assertThat(schedule.tickPeriod()).isEqualTo(Duration.ofMillis(100));
        assertThat(schedule.dueAfterTick(1)).isEqualTo(1);
        assertThat(schedule.dueAfterTick(37)).isEqualTo(37);
    }

    @Test
    void highRatesBatchPerTickKeepingTheAverageExact() {
        double rate = 1234.5;
        RateSchedule schedule = new RateSchedule(rate, Long.MAX_VALUE);
        long ticksPerSecond = Duration.ofSeconds(1).dividedBy(schedule.tickPeriod());

        long afterTenSeconds = schedule.dueAfterTick(10 * ticksPerSecond);

        assertThat(ticksPerSecond).isEqualTo((long) RateSchedule.MAX_TICKS_PER_SECOND);
        assertThat(afterTenSeconds).isEqualTo(Math.round(rate * 10));
    }

    @Test
    void fractionalRatesWaitSeveralSecondsPerEvent() {
        RateSchedule schedule = new RateSchedule(0.5, Long.MAX_VALUE);

        assertThat(schedule.tickPeriod()).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.dueAfterTick(3)).isEqualTo(3);
    }

    @Test
    void limitCapsTheTotal() {
        long limit = RateSchedule.totalFor(250, Duration.ofSeconds(4));
        RateSchedule schedule = new RateSchedule(250, limit);

        assertThat(limit).isEqualTo(250 * 4);
        assertThat(schedule.dueAfterTick(1_000_000)).isEqualTo(limit);
    }
}
