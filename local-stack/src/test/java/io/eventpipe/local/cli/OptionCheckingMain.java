package io.eventpipe.local.cli;

import java.util.List;

/**
 * Stands in for the job's main class in the test of {@link JobOptionsCheck}, answering {@code
 * --check-options} the way the job does: exit code 0 for good options, the reason on stderr and
 * exit code 2 for a bad one. {@code --crash} makes it fail some other way.
 */
public final class OptionCheckingMain {

    static final String BAD = "--bad";
    static final String CRASH = "--crash";

    private OptionCheckingMain() {}

    public static void main(String[] args) {
        List<String> options = List.of(args);
        if (!options.contains(JobOptionsCheck.CHECK_OPTIONS)) {
            throw new IllegalStateException("a check must not run the job");
        }
        if (options.contains(CRASH)) {
            throw new IllegalStateException("crashed");
        }
        if (options.contains(BAD)) {
            System.err.println("Unknown option: '" + BAD + "'");
            System.exit(2);
        }
        System.out.println("The job options are valid.");
    }
}
