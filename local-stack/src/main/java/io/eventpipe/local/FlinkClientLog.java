package io.eventpipe.local;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks the lines that say why a Flink client command failed out of its log: the exception headline
 * and its causes, without stack frames, as {@code CliFrontend} prints them below "The program
 * finished with the following exception". Without that marker (the client failed before running the
 * program), the lines naming an exception or error are taken from the whole log.
 */
final class FlinkClientLog {

    static final String FAILURE_MARKER = "The program finished with the following exception";

    private static final String YARN_CLI = "org.apache.flink.yarn.cli.FlinkYarnSessionCli";

    /** Enough for an exception and its causes; more is in the log file. */
    private static final int MAX_LINES = 12;

    private FlinkClientLog() {}

    static List<String> errorLines(String log) {
        List<String> lines = log.lines().toList();
        int marker = markerIndex(lines);
        List<String> candidates = lines.subList(marker + 1, lines.size());
        // Repeated causes (the same message wrapped twice) are shown once.
        Set<String> picked = new LinkedHashSet<>();
        for (String line : candidates) {
            String stripped = line.strip();
            if (isExplanation(stripped) && (marker >= 0 || namesAFailure(stripped))) {
                picked.add(stripped);
            }
        }
        return new ArrayList<>(picked).subList(0, Math.min(picked.size(), MAX_LINES));
    }

    private static int markerIndex(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(FAILURE_MARKER)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isExplanation(String line) {
        return !line.isEmpty()
                && !line.startsWith("at ")
                && !line.startsWith("...")
                && !line.chars().allMatch(c -> c == '-');
    }

    private static boolean namesAFailure(String line) {
        // Every client run logs, at INFO, that it could not load the YARN command line (there is no
        // YARN here); that exception is never the failure.
        return (line.contains("Exception") || line.contains("Error") || line.contains("ERROR"))
                && !line.contains(YARN_CLI);
    }
}
