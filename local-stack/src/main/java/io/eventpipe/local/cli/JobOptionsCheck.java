package io.eventpipe.local.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ExitCode;

/**
 * Checks job options with the job's own parser before anything starts, by running its main class
 * with {@code --check-options} (see {@link JobMainProcess}), so that local-stack never repeats the
 * job's rules.
 *
 * <p>The job answers a valid set with exit code 0 and a bad one with its one-line reason on stderr
 * and exit code 2 (a usage error); any other outcome means the check itself failed and is thrown
 * with everything the job printed.
 */
final class JobOptionsCheck {

    static final String CHECK_OPTIONS = "--check-options";

    private JobOptionsCheck() {}

    /** The job's reason for refusing {@code options}, or empty when it accepts them. */
    static Optional<String> problem(Path jar, String mainClass, List<String> options)
            throws Exception {
        List<String> args = new ArrayList<>(List.of(CHECK_OPTIONS));
        args.addAll(options);
        JobMainProcess.Finished check = JobMainProcess.run(jar, mainClass, args);
        if (check.exitCode() == ExitCode.OK) {
            return Optional.empty();
        }
        if (check.exitCode() == ExitCode.USAGE && !check.stderr().isBlank()) {
            return Optional.of(check.stderr().strip());
        }
        throw new IllegalStateException(
                String.format(
                        "%s %s exited with code %d:%n%s%s",
                        mainClass,
                        CHECK_OPTIONS,
                        check.exitCode(),
                        check.stdout(),
                        check.stderr()));
    }
}
