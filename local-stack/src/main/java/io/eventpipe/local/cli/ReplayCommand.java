package io.eventpipe.local.cli;

import com.fasterxml.jackson.core.JsonPointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./pipeline replay FILE}: sends a real file's events to Kafka, as fast as possible or paced
 * by the events' own timestamps.
 *
 * <p>JSON lines (gzipped or not) go byte for byte; CSV rows become flat JSON objects (see {@link
 * CsvRowConverter}). The file is read twice: once to count its records (and to reject a CSV row
 * that does not fit the columns before anything is sent), then to send them. The count printed at
 * the end is of records Kafka acknowledged after a final flush; exit code 1 when any record was not
 * acknowledged or the file is malformed, 130 after Ctrl-C.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = "Sends the events of a JSON-lines or CSV file to Kafka.",
        footer = {
            "",
            "JSON lines (gzip detected by content) are sent byte for byte. Each CSV row is sent as"
                    + " a flat JSON object keyed by the column names; a value written as a JSON"
                    + " number (42, -1.5, 2e3) becomes a number, any other value a string.",
            "Records are keyed by --key-field, so each key's events stay in order on one"
                    + " partition. Records without it (or not JSON) are sent without a key,"
                    + " round-robin over all partitions, and counted in a warning at the end.",
            "Exit codes: 0 all acknowledged, 1 a failure (see the message), 2 bad options,"
                    + " 130 Ctrl-C.",
            "",
            "Example: replay taobao.csv --columns user_id,item_id,category_id,behavior,ts"
                    + " --speed 60 --time-format epoch-seconds",
        })
final class ReplayCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "JSON lines (.gz or not) or CSV file.")
    private Path file;

    @Mixin private KafkaTarget kafka;

    @Option(
            names = "--format",
            description = "${COMPLETION-CANDIDATES} (default: csv for *.csv[.gz], else jsonl).")
    private ReplayFormat format;

    @Option(
            names = "--columns",
            split = ",",
            description = "Column names of a headerless CSV (default: the first row is a header).")
    private List<String> columns = List.of();

    @ArgGroup(exclusive = true)
    private Pacing pacing;

    @Option(
            names = "--time-field",
            defaultValue = "/ts",
            converter = JsonPointerConverter.class,
            description = "Event time, for --speed (default: ${DEFAULT-VALUE}).")
    private JsonPointer timeField;

    @Option(
            names = "--time-format",
            defaultValue = "epoch-millis",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private TimeFormat timeFormat;

    @Option(
            names = "--key-field",
            defaultValue = "/user_id",
            converter = JsonPointerConverter.class,
            description =
                    "Record key, e.g. the user (default: ${DEFAULT-VALUE}); records without it"
                            + " are spread round-robin over the partitions.")
    private JsonPointer keyField;

    /** Pacing choice: at most one of the two. */
    static final class Pacing {
        @Option(
                names = "--speed",
                description = "Replay at the file's own pace, this many times faster.")
        Double speed;

        @Option(names = "--as-fast-as-possible", description = "Ignore event times (the default).")
        boolean asFastAsPossible;
    }

    @Override
    public Integer call() throws InterruptedException {
        ReplayInput input = validatedInput();
        long total;
        try {
            total = input.countRecords();
        } catch (IOException e) {
            // Malformed CSV, a truncated gzip, ...: found before anything is sent.
            return reportUnreadable(e);
        }
        spec.commandLine()
                .getOut()
                .printf("Replaying %d records from %s to topic '%s'%n", total, file, kafka.topic);
        spec.commandLine().getOut().flush();
        return replay(input, total);
    }

    private ReplayInput validatedInput() {
        OptionChecks.require(
                spec,
                Files.isRegularFile(file) && Files.isReadable(file),
                "FILE",
                file,
                "must be a readable file");
        kafka.validate(spec);
        Double speed = speed();
        OptionChecks.require(
                spec,
                speed == null || (speed > 0 && !speed.isInfinite()),
                "--speed",
                speed,
                "must be a number > 0");
        ReplayFormat actualFormat = format != null ? format : ReplayFormat.fromFileName(file);
        OptionChecks.require(
                spec,
                columns.isEmpty() || actualFormat == ReplayFormat.CSV,
                "--columns",
                String.join(",", columns),
                "applies to --format csv only");
        OptionChecks.require(
                spec,
                columns.stream().noneMatch(String::isBlank)
                        && new HashSet<>(columns).size() == columns.size(),
                "--columns",
                String.join(",", columns),
                "must be distinct, non-empty names");
        return new ReplayInput(file, actualFormat, columns);
    }

    private Double speed() {
        return pacing == null ? null : pacing.speed;
    }

    private int replay(ReplayInput input, long total) throws InterruptedException {
        Double speed = speed();
        EventFields fields =
                new EventFields(keyField, speed == null ? null : timeField, timeFormat);
        ReplayPacer pacer = speed == null ? null : new ReplayPacer(speed);
        FileReplay replay = new FileReplay(input, fields, pacer);
        SendSession session = kafka.openSession(spec, "pipeline-replay");
        ProgressBarBuilder progress =
                new ProgressBarBuilder().setTaskName("replay").setInitialMax(total);
        int exitCode = session.run(progress, replay::sendAll);
        reportUnpaced(replay.unpacedCount());
        reportUnkeyed(replay.unkeyedCount());
        return exitCode;
    }

    /**
     * Says how many records went without a key, since a wrong --key-field (the default /user_id on
     * data that names its user otherwise) is otherwise invisible.
     */
    private void reportUnkeyed(long unkeyed) {
        if (unkeyed > 0) {
            spec.commandLine()
                    .getErr()
                    .printf(
                            "Warning: %d records had no key at --key-field %s (field missing or"
                                    + " not JSON) and were sent round-robin over the partitions%n",
                            unkeyed, keyField);
            spec.commandLine().getErr().flush();
        }
    }

    private void reportUnpaced(long unpaced) {
        if (unpaced > 0) {
            spec.commandLine()
                    .getOut()
                    .printf(
                            "%d records had no %s time at %s and were sent without waiting%n",
                            unpaced, timeFormat, timeField);
        }
    }

    private int reportUnreadable(IOException e) {
        String reason = e instanceof BadInputException ? e.getMessage() : e.toString();
        spec.commandLine().getErr().println("Cannot replay " + file + ", nothing sent: " + reason);
        spec.commandLine().getErr().flush();
        return SendSession.EXIT_FAILED;
    }
}
