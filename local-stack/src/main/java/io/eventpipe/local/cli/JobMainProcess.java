package io.eventpipe.local.cli;

import io.eventpipe.local.ServerClasspath;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the job's main class in a short-lived child JVM, on the job jar plus the Flink classpath,
 * for the answers it gives without a Flink cluster ({@code --help}, {@code --check-options}).
 *
 * <p>A run that does not finish within a minute is killed and reported as an {@link
 * IllegalStateException}; the child never starts anything itself.
 */
final class JobMainProcess {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    /** What a finished run printed, and its exit code. */
    record Finished(int exitCode, String stdout, String stderr) {}

    private JobMainProcess() {}

    static Finished run(Path jar, String mainClass, List<String> args) throws Exception {
        String classpath = jar + File.pathSeparator + ServerClasspath.resolve("flink");
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", classpath));
        command.add(mainClass);
        command.addAll(args);
        // Files rather than pipes, so a child that hangs cannot block a read past the timeout.
        Path stdout = Files.createTempFile("job-main", ".out");
        Path stderr = Files.createTempFile("job-main", ".err");
        try {
            Process process =
                    new ProcessBuilder(command)
                            .redirectOutput(stdout.toFile())
                            .redirectError(stderr.toFile())
                            .start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        mainClass + " " + args.get(0) + " did not finish within " + TIMEOUT);
            }
            return new Finished(
                    process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
