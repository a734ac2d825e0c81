package io.eventpipe.local.junit;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names of topics and keyspaces unique to one test, since every test of a JVM shares the same
 * servers. Names combine the prefix, this JVM's pid and a counter, so reruns and parallel test JVMs
 * do not collide either.
 */
public final class TestNames {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** Cassandra refuses keyspace names longer than this. */
    private static final int MAX_KEYSPACE_LENGTH = 48;

    private TestNames() {}

    /** A Kafka topic name such as {@code events-4711-3}. */
    public static String uniqueTopic(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    }

    /**
     * A Cassandra keyspace name such as {@code analytics_4711_4}: lower case, letters, digits and
     * underscores only; fails when the prefix leaves no room within 48 characters.
     */
    public static String uniqueKeyspace(String prefix) {
        String name =
                (prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet())
                        .toLowerCase()
                        .replaceAll("[^a-z0-9_]", "_");
        if (name.length() > MAX_KEYSPACE_LENGTH || !Character.isLetter(name.charAt(0))) {
            throw new IllegalArgumentException(
                    "Keyspace prefix must start with a letter and be short: " + prefix);
        }
        return name;
    }
}
