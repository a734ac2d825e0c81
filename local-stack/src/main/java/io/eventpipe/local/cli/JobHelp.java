package io.eventpipe.local.cli;

import io.eventpipe.local.ServerClasspath;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prints the job's own option list by running its main class with {@code --help} on the job jar
 * plus the Flink classpath, as a short-lived child JVM: the job prints its help and exits before it
 * would need a Flink cluster.
 *
 * <p>A job that does not answer within a minute is killed and reported; nothing else is started.
 */
final class JobHelp {

    private static final long TIMEOUT_SECONDS = 60;

    private JobHelp() {}

    static void print(PrintWriter out, Path jar, String mainClass) throws Exception {
        String classpath = jar + File.pathSeparator + ServerClasspath.resolve("flink");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A file rather than a pipe, so a job that hangs cannot block the read past the timeout.
        Path output = Files.createTempFile("job-help", ".txt");
        try {
            Process process =
                    new ProcessBuilder(List.of(java, "-cp", classpath, mainClass, "--help"))
                            .redirectErrorStream(true)
                            .redirectOutput(output.toFile())
                            .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(mainClass + " --help did not finish in time");
            }
            out.print(Files.readString(output));
            out.flush();
            check(process, mainClass);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static void check(Process process, String mainClass) {
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    mainClass + " --help exited with code " + process.exitValue());
        }
    }
}
