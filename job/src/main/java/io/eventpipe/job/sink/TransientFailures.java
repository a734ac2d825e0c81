package io.eventpipe.job.sink;

import com.datastax.driver.core.exceptions.BootstrappingException;
import com.datastax.driver.core.exceptions.BusyConnectionException;
import com.datastax.driver.core.exceptions.BusyPoolException;
import com.datastax.driver.core.exceptions.ConnectionException;
import com.datastax.driver.core.exceptions.NoHostAvailableException;
import com.datastax.driver.core.exceptions.OperationTimedOutException;
import com.datastax.driver.core.exceptions.OverloadedException;
import com.datastax.driver.core.exceptions.ServerError;
import com.datastax.driver.core.exceptions.TransportException;
import com.datastax.driver.core.exceptions.UnavailableException;
import com.datastax.driver.core.exceptions.WriteFailureException;
import com.datastax.driver.core.exceptions.WriteTimeoutException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Decides which write failures are worth retrying: those caused by the cluster's state (down,
 * overloaded, slow, restarting), not by the statement.
 *
 * <p>Everything else (an invalid query, a missing table, bad credentials, a value the codec
 * rejects) would fail the same way on every attempt, so it fails the job at once.
 */
final class TransientFailures {

    private static final List<Class<? extends Throwable>> TRANSIENT =
            List.of(
                    NoHostAvailableException.class,
                    OperationTimedOutException.class,
                    WriteTimeoutException.class,
                    WriteFailureException.class,
                    UnavailableException.class,
                    OverloadedException.class,
                    BootstrappingException.class,
                    BusyPoolException.class,
                    BusyConnectionException.class,
                    ConnectionException.class,
                    TransportException.class,
                    ServerError.class);

    private TransientFailures() {}

    static boolean isTransient(Throwable failure) {
        Throwable cause = unwrap(failure);
        return TRANSIENT.stream().anyMatch(type -> type.isInstance(cause));
    }

    /** The failure itself, without the wrappers that futures add around it. */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
