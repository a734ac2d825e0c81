package io.eventpipe.job.parsing;

import io.eventpipe.job.records.DeadLetter;
import io.eventpipe.job.records.FieldMapping;
import io.eventpipe.job.records.ParsedEvent;
import io.eventpipe.job.records.RawEvent;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Parses raw records into events; records that are not valid events go to the {@link #DEAD_LETTERS}
 * side output with their reason.
 *
 * <p>No record can fail the job here: the parser returns a reason instead of throwing. Both outputs
 * keep the record's timestamp. Metrics: {@code events_in_total}, {@code events_invalid_total}
 * labelled by {@code reason}.
 */
public class ParseEventsFunction extends ProcessFunction<RawEvent, ParsedEvent> {

    /** Records that could not be parsed, with their reasons. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("invalid-events") {};

    private final EventParser parser;
    private transient Counter eventsIn;
    private transient Map<String, Counter> invalidByReason;

    public ParseEventsFunction(FieldMapping mapping) {
        this.parser = new EventParser(mapping);
    }

    @Override
    public void open(OpenContext openContext) {
        eventsIn = getRuntimeContext().getMetricGroup().counter("events_in_total");
        invalidByReason = new HashMap<>();
    }

    @Override
    public void processElement(RawEvent raw, Context ctx, Collector<ParsedEvent> out) {
        eventsIn.inc();
        ParseOutcome outcome = parser.parse(raw);
        if (outcome.isValid()) {
            out.collect(outcome.event());
        } else {
            invalidCounter(outcome.invalidReason()).inc();
            ctx.output(DEAD_LETTERS, new DeadLetter(raw, outcome.invalidReason()));
        }
    }

    // Reasons are few (one per mapped field at most), so one labelled counter each stays bounded.
    private Counter invalidCounter(String reason) {
        return invalidByReason.computeIfAbsent(
                reason,
                r ->
                        getRuntimeContext()
                                .getMetricGroup()
                                .addGroup("reason", r)
                                .counter("events_invalid_total"));
    }
}
