package io.eventpipe.local.cli;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.eventpipe.local.FlinkJobClient;
import io.eventpipe.local.Ports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./pipeline down}: stops the job with a savepoint, then stats-api, Flink, Kafka and
 * Cassandra, and checks that none of their ports is still open.
 *
 * <p>Data is kept, so the next {@code up} resumes where this left off; {@code --purge} deletes it
 * all (topics, tables, savepoints). If the savepoint fails, the shutdown goes on and the next
 * {@code up} resumes from the latest retained checkpoint instead.
 */
@Command(name = "down", description = "Stops the local pipeline, keeping its data.")
final class DownCommand implements Callable<Integer> {

    private static final Duration PORTS_CLOSED_TIMEOUT = Duration.ofSeconds(30);

    @Spec private CommandSpec spec;

    @Option(names = "--purge", description = "Also delete all data: topics, tables, savepoints.")
    private boolean purge;

    @Override
    public Integer call() throws Exception {
        return StackLock.whileHeld(
                spec, () -> down(spec.commandLine().getOut(), LocalStack.open()));
    }

    private int down(PrintWriter out, LocalStack stack) throws IOException {
        stopJob(out, stack);
        for (String component :
                List.of(LocalStack.STATS_API, "flink", LocalStack.KAFKA, LocalStack.CASSANDRA)) {
            out.printf("%-10s stopping%n", component);
            out.flush();
            stack.stop(stack.components().get(component));
        }
        if (purge) {
            deleteRecursively(stack.layout.dataDir());
            Files.deleteIfExists(stack.layout.stateFile());
            out.println("Deleted " + stack.layout.dataDir());
        }
        return awaitPortsClosed(out, stack.ports());
    }

    private static void stopJob(PrintWriter out, LocalStack stack) {
        if (!stack.isRunning(stack.components().get("flink"), stack.flink.ports().rest())) {
            return;
        }
        try {
            for (FlinkJobs.Job job : FlinkJobs.active(stack.flink)) {
                out.printf("%-10s stopping %s with a savepoint%n", "Job", job.id());
                out.flush();
                String savepoint =
                        new FlinkJobClient(stack.flink)
                                .stopWithSavepoint(job.id(), stack.flink.savepointsDir());
                out.printf("%-10s savepoint %s%n", "Job", savepoint);
            }
        } catch (Exception e) {
            out.printf(
                    "%-10s no savepoint (%s); the next up resumes from the latest checkpoint%n",
                    "Job", e.getMessage());
        }
    }

    private static int awaitPortsClosed(PrintWriter out, List<Integer> ports) {
        RetryPolicy<List<Integer>> policy =
                RetryPolicy.<List<Integer>>builder()
                        .handleResultIf(open -> !open.isEmpty())
                        .withDelay(Duration.ofMillis(500))
                        .withMaxRetries(-1)
                        .withMaxDuration(PORTS_CLOSED_TIMEOUT)
                        .build();
        List<Integer> open =
                Failsafe.with(policy).get(() -> ports.stream().filter(Ports::isListening).toList());
        if (open.isEmpty()) {
            out.println("Stopped: no process or port of the pipeline is left.");
            return 0;
        }
        out.println("Still open (a process ./pipeline did not start?): ports " + open);
        return 1;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
