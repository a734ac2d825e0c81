package io.eventpipe.stats.store;

/**
 * Cassandra could not answer: not connected yet, no node reachable, a timeout, or the schema the
 * job creates is not there yet. The condition is expected to pass without intervention.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
