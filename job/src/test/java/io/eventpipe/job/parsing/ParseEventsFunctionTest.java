package io.eventpipe.job.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.job.config.TimeFormat;
import io.eventpipe.job.records.DeadLetter;
import io.eventpipe.job.records.FieldMapping;
import io.eventpipe.job.records.ParsedEvent;
import io.eventpipe.job.records.RawEvent;
import java.nio.charset.StandardCharsets;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class ParseEventsFunctionTest {

    private static final FieldMapping MAPPING =
            new FieldMapping("/type", "/user_id", "/ts", null, null, TimeFormat.EPOCH_MILLIS, 1024);

    @Test
    void validEventsGoOnAndInvalidOnesBecomeDeadLettersWithTheirOriginalBytes() throws Exception {
        OneInputStreamOperatorTestHarness<RawEvent, ParsedEvent> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new ParseEventsFunction(MAPPING));
        RawEvent good = raw("{\"type\":\"click\",\"user_id\":\"u\",\"ts\":7}", 1);
        RawEvent garbage = raw("{{{", 2);
        RawEvent noUser = raw("{\"type\":\"click\",\"ts\":7}", 3);

        harness.processElement(good, 7);
        harness.processElement(garbage, 8);
        harness.processElement(noUser, 9);

        assertThat(harness.extractOutputValues())
                .usingRecursiveFieldByFieldElementComparator()
                .containsExactly(new EventParser(MAPPING).parse(good).event());
        assertThat(harness.getSideOutput(ParseEventsFunction.DEAD_LETTERS))
                .extracting(StreamRecord::getTimestamp)
                .containsExactly(8L, 9L);
        assertThat(harness.getSideOutput(ParseEventsFunction.DEAD_LETTERS))
                .extracting(StreamRecord::getValue)
                .usingRecursiveFieldByFieldElementComparator()
                .containsExactly(
                        new DeadLetter(garbage, InvalidReasons.INVALID_JSON),
                        new DeadLetter(noUser, "missing-field:/user_id"));
        harness.close();
    }

    @Test
    void tombstonesAndEmptyValuesBecomeEmptyValueDeadLettersKeepingTheirKeys() throws Exception {
        OneInputStreamOperatorTestHarness<RawEvent, ParsedEvent> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new ParseEventsFunction(MAPPING));
        byte[] key = "user-1".getBytes(StandardCharsets.UTF_8);
        RawEvent tombstone = new RawEvent(null, "events", 1, 4, key);
        RawEvent empty = new RawEvent(new byte[0], "events", 1, 5, key);

        harness.processElement(tombstone, 10);
        harness.processElement(empty, 11);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.getSideOutput(ParseEventsFunction.DEAD_LETTERS))
                .extracting(StreamRecord::getValue)
                .usingRecursiveFieldByFieldElementComparator()
                .containsExactly(
                        new DeadLetter(tombstone, InvalidReasons.EMPTY_VALUE),
                        new DeadLetter(empty, InvalidReasons.EMPTY_VALUE));
        harness.close();
    }

    private static RawEvent raw(String json, long offset) {
        return new RawEvent(json.getBytes(StandardCharsets.UTF_8), "events", 1, offset);
    }
}
