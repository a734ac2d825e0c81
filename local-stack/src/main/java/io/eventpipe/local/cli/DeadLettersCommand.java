package io.eventpipe.local.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./pipeline dead-letters}: prints the job's dead letters, one line each, with their {@code
 * dlq.*} headers (reason, source topic, partition and offset), timestamp, key and value.
 *
 * <p>It reads without a consumer group and commits nothing (see {@link DeadLetterReader}), so it
 * can run at any time without disturbing the job. Exit codes: 0 done, 1 Kafka or the topic is not
 * there (see the message), 2 bad options, 130 Ctrl-C (after closing the consumer).
 */
@Command(
        name = "dead-letters",
        mixinStandardHelpOptions = true,
        defaultValueProvider = DeadLettersCommand.DeadLetterTopicDefault.class,
        description = "Prints the dead letters (invalid and late events) with their headers.",
        footer = {
            "",
            "Each line: timestamp, topic/partition@offset, reason=..., source=topic/partition"
                    + "@offset of the original event, key=..., value=... (as UTF-8 text, control"
                    + " characters escaped).",
            "Reads without a consumer group and commits nothing, so the job is never disturbed.",
        })
final class DeadLettersCommand implements Callable<Integer> {

    /** Makes {@code --topic} of the shared Kafka options default to the dead-letter topic. */
    static final class DeadLetterTopicDefault implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec argument) {
            boolean topic =
                    argument instanceof OptionSpec option && option.longestName().equals("--topic");
            return topic ? UpCommand.DEAD_LETTER_TOPIC : null;
        }
    }

    @Spec private CommandSpec spec;

    @Mixin private KafkaTarget kafka;

    @Option(
            names = "--last",
            paramLabel = "N",
            description = "Only the newest N of each partition (default: all, from the beginning).")
    private Integer last;

    @Option(
            names = {"-f", "--follow"},
            description = "Keep printing new dead letters as they arrive, until Ctrl-C.")
    private boolean follow;

    @Option(
            names = "--width",
            defaultValue = "200",
            description = "Most characters of a key or value shown (default: ${DEFAULT-VALUE}).")
    private int width;

    @Option(names = "--whole-values", description = "Show keys and values whole, however long.")
    private boolean wholeValues;

    @Override
    public Integer call() {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DeadLetterFormat format = new DeadLetterFormat(wholeValues ? 0 : width);
        try (StopSignal stop = StopSignal.onCtrlC();
                DeadLetterReader reader =
                        new DeadLetterReader(kafka.bootstrapServers, kafka.topic)) {
            long read =
                    reader.read(
                            last,
                            follow,
                            stop,
                            record -> {
                                out.println(format.line(record));
                                out.flush();
                            });
            err.printf("%d dead letter(s) on %s%n", read, kafka.topic);
            err.flush();
            return stop.wasInterrupted() ? SendSession.EXIT_INTERRUPTED : 0;
        } catch (KafkaException | IllegalStateException e) {
            err.printf(
                    "Could not read %s at %s: %s%nIs Kafka running? (./pipeline status)%n",
                    kafka.topic, kafka.bootstrapServers, e.getMessage());
            return 1;
        }
    }

    private void validate() {
        OptionChecks.require(spec, last == null || last > 0, "--last", last, "must be > 0");
        OptionChecks.require(spec, width > 0, "--width", width, "must be > 0");
        kafka.validate(spec);
    }
}
