package io.eventpipe.local.cli;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends events at a steady rate from a fixed-rate scheduled executor until the schedule's limit is
 * reached or a stop is requested.
 *
 * <p>The executor catches up after a slow tick (e.g. the producer blocked on a full buffer), so the
 * average rate holds as long as Kafka keeps up. A send that throws stops the run; the caller gets
 * the exception from {@link #run()}.
 */
final class FixedRateSender {

    private final RateSchedule schedule;
    private final Supplier<OutgoingEvent> events;
    private final Consumer<OutgoingEvent> sink;
    private final StopSignal stop;
    private long ticks;
    private long sent;
    private volatile RuntimeException failure;

    FixedRateSender(
            RateSchedule schedule,
            Supplier<OutgoingEvent> events,
            Consumer<OutgoingEvent> sink,
            StopSignal stop) {
        this.schedule = schedule;
        this.events = events;
        this.sink = sink;
        this.stop = stop;
    }

    /** Blocks until the run ends; rethrows the exception of a failed send. */
    void run() throws InterruptedException {
        ScheduledExecutorService ticker =
                Executors.newSingleThreadScheduledExecutor(
                        task -> new Thread(task, "pipeline-generate-ticker"));
        long period = schedule.tickPeriod().toNanos();
        try {
            ticker.scheduleAtFixedRate(this::tick, 0, period, TimeUnit.NANOSECONDS);
            stop.await();
        } finally {
            // shutdown() rather than shutdownNow(): a tick in progress finishes its send.
            ticker.shutdown();
            ticker.awaitTermination(
                    KafkaEventSender.MAX_BLOCK.plus(Duration.ofSeconds(5)).toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void tick() {
        try {
            long due = schedule.dueAfterTick(++ticks);
            while (sent < due && !stop.isStopRequested()) {
                sink.accept(events.get());
                sent++;
            }
            if (sent >= schedule.limit()) {
                stop.requestStop();
            }
        } catch (RuntimeException e) {
            failure = e;
            stop.requestStop();
        }
    }
}
