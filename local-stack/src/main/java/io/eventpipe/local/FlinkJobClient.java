package io.eventpipe.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Submits and stops jobs on a {@link FlinkCluster} exactly as {@code flink run} and {@code flink
 * stop} do: it runs Flink's own {@code CliFrontend} as a child JVM with {@code FLINK_CONF_DIR}
 * pointing at the cluster's configuration.
 *
 * <p>The client's output goes to a log file next to the cluster's logs; a failed command throws a
 * {@link FlinkClientFailure} holding the log's error lines and naming the file.
 */
public final class FlinkJobClient {

    private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");
    private static final Pattern SAVEPOINT = Pattern.compile("Savepoint completed\\. Path: (\\S+)");
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(5);

    private final FlinkCluster cluster;

    public FlinkJobClient(FlinkCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Submits a job in detached mode and returns its id.
     *
     * @param resumeFrom a savepoint or retained checkpoint to restore, if any
     */
    public String run(
            Path jar,
            String mainClass,
            int parallelism,
            Optional<Path> resumeFrom,
            List<String> jobArgs) {
        List<String> args =
                new ArrayList<>(List.of("run", "-d", "-p", Integer.toString(parallelism)));
        resumeFrom.ifPresent(path -> args.addAll(List.of("-s", path.toString())));
        args.addAll(List.of("-c", mainClass, jar.toString()));
        args.addAll(jobArgs);
        String output = execute(args, RUN_TIMEOUT);
        return find(JOB_ID, output, "flink run printed no job id");
    }

    /** Stops a job with a savepoint into the directory and returns the savepoint's path. */
    public String stopWithSavepoint(String jobId, Path savepointDir) {
        String output =
                execute(
                        List.of("stop", "--savepointPath", savepointDir.toUri().toString(), jobId),
                        STOP_TIMEOUT);
        return find(SAVEPOINT, output, "flink stop printed no savepoint path");
    }

    /** The client's log file. */
    public Path logFile() {
        return cluster.confDir().getParent().resolve("flink-client.log");
    }

    private String execute(List<String> args, Duration timeout) {
        Path conf = cluster.confDir();
        List<String> command =
                new JavaCommand(
                                ServerClasspath.resolve("flink"),
                                "org.apache.flink.client.cli.CliFrontend",
                                false)
                        .jvmOption("-Xmx512m")
                        .jvmOptions(ServerResources.jvmOptions("flink"))
                        .jvmOption("-Dlog4j.configurationFile=" + conf.resolve("log4j.properties"))
                        .arguments(args)
                        .build();
        try {
            Files.deleteIfExists(logFile());
            ChildProcess client =
                    ChildProcess.start(
                            "flink " + args.get(0),
                            command,
                            logFile(),
                            Map.of("FLINK_CONF_DIR", conf.toString()),
                            false);
            Optional<Integer> exit = client.awaitExit(timeout);
            String output = Files.readString(logFile());
            if (exit.isEmpty() || exit.get() != 0) {
                throw new FlinkClientFailure(
                        "flink " + String.join(" ", args),
                        exit.map(code -> "failed with exit code " + code)
                                .orElse("did not finish within " + timeout),
                        FlinkClientLog.errorLines(output),
                        logFile());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run the Flink client", e);
        }
    }

    private String find(Pattern pattern, String output, String failure) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException(failure + "; see " + logFile());
        }
        return matcher.group(1);
    }
}
