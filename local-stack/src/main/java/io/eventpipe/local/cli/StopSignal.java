package io.eventpipe.local.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells a running command to stop, either because its work is done or because the user pressed
 * Ctrl-C, and lets the command finish cleanly (flush, summary) before the JVM exits.
 *
 * <p>On Ctrl-C the JVM runs the shutdown hook installed here: it requests the stop, then waits up
 * to {@link #CLEAN_UP_GRACE} for the command to {@link #close()}, so the events already handed to
 * Kafka are flushed and counted rather than dropped.
 */
final class StopSignal implements AutoCloseable {

    static final Duration CLEAN_UP_GRACE = Duration.ofSeconds(30);

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch cleanedUp = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onJvmShutdown, "pipeline-cli-stop");
    private volatile boolean interrupted;

    static StopSignal onCtrlC() {
        StopSignal signal = new StopSignal();
        Runtime.getRuntime().addShutdownHook(signal.hook);
        return signal;
    }

    void requestStop() {
        stopRequested.countDown();
    }

    boolean isStopRequested() {
        return stopRequested.getCount() == 0;
    }

    /** True when the stop came from Ctrl-C rather than from the command itself. */
    boolean wasInterrupted() {
        return interrupted;
    }

    /** Waits for a stop, at most {@code timeout}; returns whether a stop was requested. */
    boolean await(Duration timeout) throws InterruptedException {
        return stopRequested.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    void await() throws InterruptedException {
        stopRequested.await();
    }

    private void onJvmShutdown() {
        interrupted = true;
        requestStop();
        try {
            cleanedUp.await(CLEAN_UP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Marks the command's clean-up as done; the hook is removed unless the JVM is exiting. */
    @Override
    public void close() {
        cleanedUp.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException jvmAlreadyExiting) {
            // The hook is running (Ctrl-C); it returns now that the clean-up is done.
        }
    }
}
