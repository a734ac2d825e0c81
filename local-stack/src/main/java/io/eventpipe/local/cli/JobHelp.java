package io.eventpipe.local.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints the job's own option list by running its main class with {@code --help} (see {@link
 * JobMainProcess}): the job prints its help and exits before it would need a Flink cluster.
 *
 * <p>A job that fails or does not answer in time is reported; nothing else is started.
 */
final class JobHelp {

    private JobHelp() {}

    static void print(PrintWriter out, Path jar, String mainClass) throws Exception {
        JobMainProcess.Finished help = JobMainProcess.run(jar, mainClass, List.of("--help"));
        out.print(help.stdout());
        out.print(help.stderr());
        out.flush();
        if (help.exitCode() != 0) {
            throw new IllegalStateException(
                    mainClass + " --help exited with code " + help.exitCode());
        }
    }
}
