package io.eventpipe.job.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link CassandraWriteClient} test double: each write attempt is recorded and then acknowledged
 * at once, failed with a scripted exception, or held until the test completes it.
 */
final class FakeWriteClient implements CassandraWriteClient {

    /** One write attempt the test has not completed yet. */
    record HeldWrite(List<UpsertRow> rows, CompletableFuture<Void> result) {}

    private final List<List<UpsertRow>> attempts = new ArrayList<>();
    private final List<UpsertRow> acknowledged = new ArrayList<>();
    private final BlockingQueue<RuntimeException> scriptedFailures = new LinkedBlockingQueue<>();
    private final BlockingQueue<HeldWrite> held = new LinkedBlockingQueue<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger maxOutstanding = new AtomicInteger();
    private volatile boolean holdWrites;
    private volatile RuntimeException permanentFailure;
    private volatile boolean closed;

    /** Holds every following write until {@link #nextHeldWrite()} hands it to the test. */
    void holdWrites(boolean hold) {
        this.holdWrites = hold;
    }

    /** Fails the next attempts, one failure each, in order. */
    void failNextAttempts(RuntimeException... failures) {
        scriptedFailures.addAll(List.of(failures));
    }

    /** Fails every following attempt with {@code failure}. */
    void failEveryAttempt(RuntimeException failure) {
        this.permanentFailure = failure;
    }

    @Override
    public CompletionStage<Void> writePartition(List<UpsertRow> rows) {
        synchronized (this) {
            attempts.add(List.copyOf(rows));
        }
        RuntimeException failure =
                permanentFailure != null ? permanentFailure : scriptedFailures.poll();
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        maxOutstanding.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
        if (holdWrites) {
            held.add(new HeldWrite(rows, result));
        } else {
            acknowledge(rows, result);
        }
        return result;
    }

    /** The next held write, waiting up to ten seconds for it. */
    HeldWrite nextHeldWrite() throws InterruptedException {
        HeldWrite write = held.poll(10, TimeUnit.SECONDS);
        if (write == null) {
            throw new AssertionError("No write reached the client within 10 s");
        }
        return write;
    }

    /** Acknowledges a held write, as Cassandra would. */
    void acknowledge(HeldWrite write) {
        acknowledge(write.rows(), write.result());
    }

    private void acknowledge(List<UpsertRow> rows, CompletableFuture<Void> result) {
        synchronized (this) {
            acknowledged.addAll(rows);
        }
        outstanding.decrementAndGet();
        result.complete(null);
    }

    synchronized List<List<UpsertRow>> attempts() {
        return List.copyOf(attempts);
    }

    synchronized List<UpsertRow> acknowledgedRows() {
        return List.copyOf(acknowledged);
    }

    int maxOutstanding() {
        return maxOutstanding.get();
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
