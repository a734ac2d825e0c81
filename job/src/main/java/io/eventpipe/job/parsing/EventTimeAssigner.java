package io.eventpipe.job.parsing;

import io.eventpipe.job.records.FieldMapping;
import io.eventpipe.job.records.RawEvent;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/**
 * Gives each raw record its event time, read by the same parser the pipeline uses later.
 *
 * <p>It runs in the Kafka source so that each partition gets its own watermark: reading several
 * partitions through one subtask interleaves them, and a watermark taken after that would make the
 * slower partition's events late. An invalid record gets {@link Long#MIN_VALUE}, which never
 * advances the watermark, so garbage cannot push valid events into lateness.
 */
public class EventTimeAssigner implements SerializableTimestampAssigner<RawEvent> {

    private final EventParser parser;

    public EventTimeAssigner(FieldMapping mapping) {
        this.parser = new EventParser(mapping);
    }

    @Override
    public long extractTimestamp(RawEvent raw, long recordTimestamp) {
        ParseOutcome outcome = parser.parse(raw);
        return outcome.isValid() ? outcome.event().eventTime() : Long.MIN_VALUE;
    }
}
