package io.eventpipe.local;

import java.nio.file.Path;

/** What the launcher, the JUnit extension and {@code ./pipeline} need of every local server. */
public interface LocalServer {

    /** A human name for messages, such as "Kafka". */
    String name();

    /**
     * Starts the server and returns once it serves requests; throws {@link ServerStartException}.
     */
    void start();

    /** Stops the server and everything it started; does nothing when it is not running. */
    void stop();

    /** The file its output goes to. */
    Path logFile();

    /** The pid of the server's (first) process, or -1 when this object did not start it. */
    long pid();
}
