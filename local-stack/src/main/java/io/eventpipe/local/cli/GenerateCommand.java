package io.eventpipe.local.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./pipeline generate}: sends synthetic events in the default shape to Kafka at a steady
 * rate, showing the acknowledged count and rate while it runs and a summary at the end.
 *
 * <p>With {@code --duration} it sends exactly rate × duration events and stops: the duration sets
 * the count and the pacing, not a time limit, so when Kafka falls behind the run takes longer than
 * the duration (the sender catches up once Kafka does) and the count stays exact. Without it, it
 * runs until Ctrl-C, then flushes what it already handed to the producer. Exit code 1 when any
 * event was not acknowledged, 130 after Ctrl-C.
 */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Sends synthetic shop events to Kafka at a steady rate.",
        footer = {
            "",
            "Events look like {\"event_id\":\"...\",\"type\":\"page_view\",\"user_id\":"
                    + "\"user-42\",\"ts\":1764772800123,\"page\":\"/products/7\"}, keyed by"
                    + " user_id, with ts = the time of sending.",
            "Exit codes: 0 all acknowledged, 1 a failure (see the message), 2 bad options,"
                    + " 130 Ctrl-C (after a flush and the summary).",
        })
final class GenerateCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Mixin private KafkaTarget kafka;

    @Option(
            names = "--rate",
            defaultValue = "100",
            description = "Events per second (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(
            names = "--duration",
            converter = DurationConverter.class,
            description = {
                "Sends exactly --rate times this many seconds of events (e.g. 60s, 5m), spread"
                        + " over that time; when Kafka is slower the run takes longer, with the"
                        + " same count (default: until Ctrl-C)."
            })
    private Duration duration;

    @Option(
            names = "--users",
            defaultValue = "10000",
            description = "Number of distinct users (default: ${DEFAULT-VALUE}).")
    private int users;

    @Option(
            names = "--pages",
            defaultValue = "1000",
            description = "Number of distinct product pages (default: ${DEFAULT-VALUE}).")
    private int pages;

    @Option(
            names = "--seed",
            description = "Random seed, for a repeatable sequence (default: a random one).")
    private Long seed;

    @Override
    public Integer call() throws InterruptedException {
        validate();
        long limit = duration == null ? Long.MAX_VALUE : RateSchedule.totalFor(rate, duration);
        RateSchedule schedule = new RateSchedule(rate, limit);
        long actualSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong();
        SyntheticEvents events =
                new SyntheticEvents(users, pages, actualSeed, System::currentTimeMillis);
        spec.commandLine()
                .getOut()
                .printf(
                        "Sending %s events/s to topic '%s' at %s (seed %d)%n",
                        rate, kafka.topic, kafka.bootstrapServers, actualSeed);
        return send(schedule, events);
    }

    private void validate() {
        OptionChecks.require(
                spec, rate > 0 && !Double.isInfinite(rate), "--rate", rate, "must be > 0");
        OptionChecks.require(
                spec,
                duration == null || RateSchedule.totalFor(rate, duration) > 0,
                "--duration",
                duration,
                "must allow at least one event at the given --rate");
        OptionChecks.require(spec, users > 0, "--users", users, "must be > 0");
        OptionChecks.require(spec, pages > 0, "--pages", pages, "must be > 0");
        kafka.validate(spec);
    }

    private int send(RateSchedule schedule, SyntheticEvents events) throws InterruptedException {
        SendSession session = kafka.openSession(spec, "pipeline-generate");
        long limit = schedule.limit();
        ProgressBarBuilder progress =
                new ProgressBarBuilder()
                        .setTaskName("generate")
                        .setInitialMax(limit == Long.MAX_VALUE ? -1 : limit);
        return session.run(
                progress,
                (sender, stop) ->
                        new FixedRateSender(schedule, events::next, sender::send, stop).run());
    }
}
