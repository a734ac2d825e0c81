package io.eventpipe.stats.store;

/**
 * Whether the service can answer from Cassandra right now.
 *
 * @param detail why not, or what was checked
 */
public record Readiness(boolean ready, String detail) {}
