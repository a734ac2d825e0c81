package io.eventpipe.local.cli;

import io.eventpipe.local.FlinkClientFailure;
import io.eventpipe.local.FlinkCluster;
import io.eventpipe.local.FlinkJobClient;
import io.eventpipe.local.StatsApiProcess;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.TopicConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./pipeline up}: starts whatever part of the local pipeline is not running, in order Kafka,
 * Cassandra, Flink, the job, stats-api, then prints where to look.
 *
 * <p>Running parts are left alone, so running it twice does no harm and after a crash it brings
 * back only what is missing. A new job resumes from the newest savepoint or retained checkpoint, so
 * a restart neither loses nor double-counts events. Options it does not know go to the job; a
 * resumed job runs with the options stored by the run that wrote its state (see {@link
 * ResumedJobOptions}), and different options are refused before anything starts.
 *
 * <p>Job options are first checked by the job's own parser ({@link JobOptionsCheck}): a bad one
 * exits with code 2 and the job's one-line reason, before any server starts. A submission that
 * fails anyway exits with code 1 and the error lines of Flink's client log.
 */
@Command(
        name = "up",
        description = {
            "Starts Kafka, Cassandra, Flink, the analytics job and stats-api where not running.",
            "Unknown options (e.g. --type-field /behavior) are passed to the job.",
            "A job resumed from its savepoint reuses the options of the last run;",
            "other options need ./pipeline down --purge first."
        })
final class UpCommand implements Callable<Integer> {

    static final String EVENTS_TOPIC = "events";
    static final String DEAD_LETTER_TOPIC = "events-dlq";
    static final int EVENTS_PARTITIONS = 4;

    /**
     * {@code max.message.bytes} of the dead-letter topic: twice the broker's default, which the
     * events topic keeps, because a dead letter is a whole event plus its dlq headers and an event
     * near the limit would otherwise have no room in the dead-letter topic.
     */
    static final int DEAD_LETTER_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

    @Spec private CommandSpec spec;

    @Option(
            names = "--parallelism",
            defaultValue = "2",
            description =
                    "Parallelism of a newly submitted job, 1 to the TaskManager's "
                            + FlinkCluster.TASK_SLOTS
                            + " slots (default: ${DEFAULT-VALUE}).")
    private int parallelism;

    @Option(
            names = "--job-jar",
            description = "The job's shaded jar (default: the newest job/target/job-*.jar).")
    private Path jobJar;

    @Option(
            names = "--job-main-class",
            defaultValue = "io.eventpipe.job.EventAnalyticsJob",
            description = "The job's main class (default: ${DEFAULT-VALUE}).")
    private String jobMainClass;

    @Option(
            names = {"-h", "--help"},
            description = "Show this help and the job's options, then exit; starts nothing.")
    private boolean help;

    @Unmatched private List<String> jobArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        OptionChecks.require(
                spec,
                parallelism >= 1 && parallelism <= FlinkCluster.TASK_SLOTS,
                "--parallelism",
                parallelism,
                "must be 1 to " + FlinkCluster.TASK_SLOTS + ", the local TaskManager's slots");
        if (help) {
            return printHelp(out, LocalStack.open());
        }
        return StackLock.whileHeld(spec, () -> up(out, LocalStack.open()));
    }

    private int up(PrintWriter out, LocalStack stack) throws Exception {
        // Before anything starts, and before the comparison with a resumed job's options, so that
        // a bad option is reported as such and leaves nothing half up.
        Optional<String> problem =
                JobOptionsCheck.problem(jobJar(stack), jobMainClass, jobArguments());
        if (problem.isPresent()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(problem.get());
            err.println("Nothing was started; ./pipeline up --help lists the job's options.");
            return ExitCode.USAGE;
        }
        Optional<Path> resumeFrom =
                ResumePoints.newest(stack.flink.savepointsDir(), stack.flink.checkpointsDir());
        Optional<List<String>> options = jobOptions(out, stack, resumeFrom);
        if (options.isEmpty()) {
            return 1;
        }
        startServers(out, stack);
        stack.kafka.createTopic(EVENTS_TOPIC, EVENTS_PARTITIONS);
        stack.kafka.createTopic(
                DEAD_LETTER_TOPIC,
                1,
                Map.of(
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        Integer.toString(DEAD_LETTER_MAX_MESSAGE_BYTES)));
        if (!ensureJob(out, stack, resumeFrom, options.get())) {
            return 1;
        }
        StatsApiProcess statsApi =
                stack.statsApi(
                        required(
                                stack.layout.statsApiJar(),
                                "stats-api jar",
                                "mvn -q -B install -DskipTests -pl stats-api -am"));
        stack.ensureRunning(
                out,
                statsApi,
                List.of(LocalStack.STATS_API),
                statsApi.port(),
                () -> Map.of(LocalStack.STATS_API, statsApi.pid()));
        printUrls(out, stack, statsApi);
        return 0;
    }

    private static void startServers(PrintWriter out, LocalStack stack) {
        stack.ensureRunning(
                out,
                stack.kafka,
                List.of(LocalStack.KAFKA),
                stack.kafka.port(),
                () -> Map.of(LocalStack.KAFKA, stack.kafka.pid()));
        stack.ensureRunning(
                out,
                stack.cassandra,
                List.of(LocalStack.CASSANDRA),
                stack.cassandra.cqlPort(),
                () -> Map.of(LocalStack.CASSANDRA, stack.cassandra.pid()));
        stack.ensureRunning(
                out,
                stack.flink,
                List.of(LocalStack.FLINK_JOB_MANAGER, LocalStack.FLINK_TASK_MANAGER),
                stack.flink.ports().rest(),
                () ->
                        Map.of(
                                LocalStack.FLINK_JOB_MANAGER,
                                stack.flink.pid(),
                                LocalStack.FLINK_TASK_MANAGER,
                                stack.flink.taskManagerPid()));
    }

    private int printHelp(PrintWriter out, LocalStack stack) throws Exception {
        spec.commandLine().usage(out);
        out.println();
        out.println("Job options (from the job's own --help):");
        out.flush();
        JobHelp.print(out, jobJar(stack), jobMainClass);
        return 0;
    }

    /**
     * The job options to submit with, or empty after explaining why the given ones are refused. A
     * fresh job takes the given options; a resumed one must keep those it was started with.
     */
    private Optional<List<String>> jobOptions(
            PrintWriter out, LocalStack stack, Optional<Path> resumeFrom) {
        List<String> stored = stack.state.jobOptions;
        if (resumeFrom.isEmpty() || stored == null) {
            return Optional.of(jobArguments());
        }
        ResumedJobOptions.Decision decision =
                ResumedJobOptions.decide(stored, jobArgs, jobArguments());
        switch (decision.outcome()) {
            case REUSE ->
                    out.printf("Job options (from the last run): %s%n", String.join(" ", stored));
            case REFUSE -> {
                spec.commandLine()
                        .getErr()
                        .printf(
                                "Refusing to start: the job resumes from %s, written"
                                        + " with other job options (differing: %s).%nOptions of the last"
                                        + " run: %s%nRun ./pipeline up without job options to"
                                        + " reuse them, or ./pipeline down --purge to start over"
                                        + " with new options (this deletes all data).%n",
                                resumeFrom.get(),
                                String.join(", ", decision.differing()),
                                String.join(" ", stored));
                return Optional.empty();
            }
            case SAME -> {}
        }
        return Optional.of(decision.options());
    }

    private Path jobJar(LocalStack stack) {
        return jobJar != null
                ? jobJar
                : required(
                        stack.layout.jobJar(),
                        "job jar",
                        "mvn -q -B install -DskipTests -pl job -am");
    }

    /** Submits the job unless one runs; false after explaining a failed submission. */
    private boolean ensureJob(
            PrintWriter out, LocalStack stack, Optional<Path> resumeFrom, List<String> options)
            throws Exception {
        List<FlinkJobs.Job> active = FlinkJobs.active(stack.flink);
        if (!active.isEmpty()) {
            for (FlinkJobs.Job job : active) {
                out.printf(
                        "%-10s already running: %s%n", "Job", FlinkJobs.describe(stack.flink, job));
            }
            if (spec.commandLine().getParseResult().hasMatchedOption("--parallelism")) {
                out.printf(
                        "%-10s --parallelism %d not applied to the running job; ./pipeline down,"
                                + " then up --parallelism %d, rescales it from its savepoint%n",
                        "", parallelism, parallelism);
            }
            return true;
        }
        Path jar = jobJar(stack);
        out.printf(
                "%-10s submitting %s (parallelism %d, %s)%n",
                "Job",
                jar.getFileName(),
                parallelism,
                resumeFrom.map(p -> "resuming from " + p).orElse("fresh state"));
        out.flush();
        String jobId;
        try {
            jobId =
                    new FlinkJobClient(stack.flink)
                            .run(jar, jobMainClass, parallelism, resumeFrom, options);
        } catch (FlinkClientFailure failure) {
            // The cause is in the client's log lines; a stack trace of this CLI would hide it.
            spec.commandLine().getErr().println(failure.getMessage());
            return false;
        }
        stack.state.jobId = jobId;
        stack.state.jobOptions = options;
        stack.state.save(stack.layout.stateFile());
        out.printf("%-10s submitted as %s%n", "Job", jobId);
        return true;
    }

    /** The user's job options, plus where the local Kafka is unless the user said otherwise. */
    private List<String> jobArguments() {
        List<String> args = new ArrayList<>();
        if (jobArgs.stream().noneMatch(arg -> arg.startsWith("--bootstrap-servers"))) {
            // The job defaults to localhost, which may resolve to ::1 where Kafka does not listen.
            // First, so that a value missing from the user's last option is reported as missing
            // rather than as this option's name.
            args.addAll(List.of("--bootstrap-servers", "127.0.0.1:9092"));
        }
        args.addAll(jobArgs);
        return args;
    }

    private static Path required(Optional<Path> jar, String what, String build) {
        return jar.orElseThrow(
                () -> new IllegalStateException("No " + what + " found; build it with: " + build));
    }

    private static void printUrls(PrintWriter out, LocalStack stack, StatsApiProcess statsApi) {
        out.println();
        out.printf("Flink web UI         %s%n", stack.flink.restUrl());
        out.printf("Stats                %s/stats%n", statsApi.url());
        out.printf("stats-api metrics    %s/metrics%n", statsApi.url());
        out.printf(
                "Job metrics          http://127.0.0.1:%d/metrics%n",
                stack.flink.taskManagerPrometheusPort());
        out.printf(
                "Kafka                %s (topics %s, %s)%n",
                stack.kafka.bootstrapServers(), EVENTS_TOPIC, DEAD_LETTER_TOPIC);
        out.printf(
                "Cassandra            %s:%d%n", stack.cassandra.host(), stack.cassandra.cqlPort());
    }
}
