package io.eventpipe.local;

import java.nio.file.Path;

/**
 * Thrown when a local server cannot start: the message names the server, its port and the log file
 * to read, so a failed test or {@code ./pipeline up} says where to look.
 */
public class ServerStartException extends RuntimeException {

    public ServerStartException(String server, int port, Path logFile, String reason) {
        super(message(server, port, logFile, reason));
    }

    public ServerStartException(
            String server, int port, Path logFile, String reason, Throwable cause) {
        super(message(server, port, logFile, reason), cause);
    }

    private static String message(String server, int port, Path logFile, String reason) {
        return String.format(
                "%s could not start on 127.0.0.1:%d: %s (log file: %s)",
                server, port, reason, logFile);
    }
}
