package io.eventpipe.local.cli;

import java.io.IOException;
import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs one sending job the way both commands need it: a Kafka sender, a live progress bar of the
 * acknowledged count, Ctrl-C handling, a final flush and a one-line summary.
 *
 * <p>Whatever stops the job (its end, Ctrl-C, a send that throws, unreadable input) the events
 * already handed to the producer are flushed and counted before the summary. Exit codes: 0 when
 * every event was acknowledged, {@value #EXIT_FAILED} when any was not or the job failed, {@value
 * #EXIT_INTERRUPTED} after Ctrl-C.
 */
final class SendSession {

    private static final Logger LOG = LoggerFactory.getLogger(SendSession.class);

    static final int EXIT_FAILED = 1;
    static final int EXIT_INTERRUPTED = 130;

    /** The sending part of a command. */
    interface Job {
        void run(KafkaEventSender sender, StopSignal stop) throws IOException, InterruptedException;
    }

    private record Outcome(SendSummary summary, Exception failure) {}

    private final CommandSpec spec;
    private final String bootstrapServers;
    private final String topic;
    private final String clientId;

    SendSession(CommandSpec spec, String bootstrapServers, String topic, String clientId) {
        this.spec = spec;
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.clientId = clientId;
    }

    int run(ProgressBarBuilder progress, Job job) throws InterruptedException {
        try (StopSignal stop = StopSignal.onCtrlC()) {
            Outcome outcome;
            // The bar is closed before the summary so the two do not share a console line.
            try (ProgressBar bar = progress.showSpeed().setUnit(" events", 1).build()) {
                outcome = send(bar, stop, job);
            }
            return report(outcome, stop);
        }
    }

    private Outcome send(ProgressBar bar, StopSignal stop, Job job) throws InterruptedException {
        try (KafkaEventSender sender =
                new KafkaEventSender(
                        bootstrapServers, topic, clientId, bar::step, e -> onFailure(e, stop))) {
            Exception failure = null;
            try {
                int partitions = sender.connect();
                bar.reset(); // the displayed rate counts from the first send, as the summary does
                LOG.info("Sending to topic {} ({} partitions)", topic, partitions);
                job.run(sender, stop);
            } catch (KafkaException | IOException e) {
                failure = e;
            }
            SendSummary summary = sender.flushAndSummarize();
            bar.stepTo(summary.acknowledged());
            return new Outcome(summary, failure);
        } catch (KafkaException e) {
            return new Outcome(null, e);
        }
    }

    /**
     * Stops the job at a failure that later records would share (Kafka unreachable, not authorised,
     * ...), rather than wait out the same timeout for each of them. One record too large for the
     * broker fails alone and the job goes on.
     */
    private static void onFailure(Exception failure, StopSignal stop) {
        if (!(failure instanceof RecordTooLargeException)) {
            stop.requestStop();
        }
    }

    private int report(Outcome outcome, StopSignal stop) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (outcome.summary() != null) {
            out.println(outcome.summary().describe());
            out.flush();
        }
        if (outcome.failure() != null) {
            err.println(describeFailure(outcome.failure(), null));
            err.flush();
            return EXIT_FAILED;
        }
        if (!outcome.summary().allAcknowledged()) {
            SendSummary.Failure first = outcome.summary().firstFailure();
            err.println(describeFailure(first.cause(), first.origin()));
            err.flush();
            return EXIT_FAILED;
        }
        return stop.wasInterrupted() ? EXIT_INTERRUPTED : 0;
    }

    /** {@code origin}: the failed record's, or null when the failure is not one record's. */
    private String describeFailure(Throwable failure, String origin) {
        if (failure instanceof BadInputException) {
            return "Bad input, nothing more sent: " + failure.getMessage();
        }
        if (failure instanceof IOException) {
            return "Could not read the input: " + failure;
        }
        String hint =
                failure instanceof TimeoutException
                        ? System.lineSeparator() + "Is Kafka running? (./pipeline status)"
                        : "";
        return String.format(
                "Kafka at %s did not take %s: %s%s",
                bootstrapServers,
                origin == null ? "the events" : origin,
                withCauses(failure),
                hint);
    }

    /** "Failed to construct kafka producer" says little; its causes say why. */
    private static String withCauses(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            text.append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
