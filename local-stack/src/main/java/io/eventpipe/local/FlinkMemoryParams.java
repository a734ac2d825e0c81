package io.eventpipe.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The JVM memory flags and dynamic properties of a Flink process, computed by Flink's own {@code
 * BashJavaUtils} from the configuration, exactly as Flink's start scripts do.
 *
 * @param jvmOptions flags such as {@code -Xmx...} for the JVM command line
 * @param dynamicProperties {@code -D key=value} arguments for the process's main class
 */
record FlinkMemoryParams(List<String> jvmOptions, List<String> dynamicProperties) {

    private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

    /**
     * Runs {@code BashJavaUtils} with the given command, {@code GET_JM_RESOURCE_PARAMS} or {@code
     * GET_TM_RESOURCE_PARAMS}; fails with the output file named when it does not succeed.
     */
    static FlinkMemoryParams compute(String classpath, Path confDir, String utilCommand) {
        Path output = confDir.resolve(utilCommand.toLowerCase() + ".out");
        List<String> command =
                new JavaCommand(
                                classpath,
                                "org.apache.flink.runtime.util.bash.BashJavaUtils",
                                false)
                        .jvmOption(
                                "-Dlog4j.configurationFile=" + confDir.resolve("log4j.properties"))
                        .arguments(List.of(utilCommand, "--configDir", confDir.toString()))
                        .build();
        try {
            Files.deleteIfExists(output);
            ChildProcess util = ChildProcess.start(utilCommand, command, output, Map.of(), false);
            util.awaitExit(Duration.ofMinutes(2))
                    .filter(code -> code == 0)
                    .orElseThrow(
                            () ->
                                    new IllegalStateException(
                                            "Flink's BashJavaUtils "
                                                    + utilCommand
                                                    + " failed; see "
                                                    + output));
            return parse(Files.readAllLines(output));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + output, e);
        }
    }

    /** The last two result lines of the output: the JVM flags, then the dynamic properties. */
    static FlinkMemoryParams parse(List<String> outputLines) {
        List<String> results =
                outputLines.stream()
                        .filter(line -> line.startsWith(RESULT_PREFIX))
                        .map(line -> line.substring(RESULT_PREFIX.length()).strip())
                        .toList();
        if (results.size() < 2) {
            throw new IllegalStateException(
                    "BashJavaUtils printed no memory settings: " + outputLines);
        }
        return new FlinkMemoryParams(
                tokens(results.get(results.size() - 2)), tokens(results.get(results.size() - 1)));
    }

    private static List<String> tokens(String line) {
        return line.isEmpty() ? List.of() : Arrays.asList(line.split("\\s+"));
    }
}
