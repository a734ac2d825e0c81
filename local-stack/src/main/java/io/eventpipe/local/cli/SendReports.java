package io.eventpipe.local.cli;

import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Model.CommandSpec;

/** Prints how a sending command ended and chooses its exit code. */
final class SendReports {

    static final int EXIT_FAILED = 1;
    static final int EXIT_INTERRUPTED = 130;

    private SendReports() {}

    /** Prints the summary; 1 if any event was not acknowledged, 130 after Ctrl-C, else 0. */
    static int summary(CommandSpec spec, StopSignal stop, SendSummary summary) {
        spec.commandLine().getOut().println(summary.describe());
        spec.commandLine().getOut().flush();
        if (!summary.allAcknowledged()) {
            return EXIT_FAILED;
        }
        return stop.wasInterrupted() ? EXIT_INTERRUPTED : 0;
    }

    /** Reports a producer that could not be created or could not send at all. */
    static int kafkaFailure(CommandSpec spec, String bootstrapServers, KafkaException e) {
        spec.commandLine()
                .getErr()
                .printf(
                        "Could not send to Kafka at %s: %s%nIs it running? (./pipeline status)%n",
                        bootstrapServers, e.getMessage());
        spec.commandLine().getErr().flush();
        return EXIT_FAILED;
    }
}
