package io.eventpipe.job.functions;

import io.eventpipe.job.records.DeadLetter;
import io.eventpipe.job.records.ParsedEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

/**
 * Turns an event that came after its window's allowed lateness into a dead letter with reason
 * {@code late} and its original bytes, counting it in {@code events_late_total}.
 */
public class LateEventsToDeadLetters extends RichMapFunction<ParsedEvent, DeadLetter> {

    private transient Counter lateEvents;

    @Override
    public void open(OpenContext openContext) {
        lateEvents = getRuntimeContext().getMetricGroup().counter("events_late_total");
    }

    @Override
    public DeadLetter map(ParsedEvent event) {
        lateEvents.inc();
        return new DeadLetter(event.source(), DeadLetter.LATE);
    }
}
