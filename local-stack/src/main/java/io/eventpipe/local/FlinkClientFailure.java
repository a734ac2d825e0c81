package io.eventpipe.local;

import java.nio.file.Path;
import java.util.List;

/**
 * A {@code flink run} or {@code flink stop} that failed, with the error lines of the client's log
 * (see {@link FlinkClientLog}) in its message, so a command line can show the cause without a stack
 * trace.
 */
public final class FlinkClientFailure extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    FlinkClientFailure(String command, String outcome, List<String> errorLines, Path logFile) {
        super(message(command, outcome, errorLines, logFile));
    }

    private static String message(
            String command, String outcome, List<String> errorLines, Path logFile) {
        StringBuilder message = new StringBuilder(command).append(' ').append(outcome);
        if (!errorLines.isEmpty()) {
            message.append(':');
            errorLines.forEach(
                    line -> message.append(System.lineSeparator()).append("  ").append(line));
        }
        return message.append(System.lineSeparator())
                .append("The client's whole output is in ")
                .append(logFile)
                .toString();
    }
}
