package io.eventpipe.job.functions;

import io.eventpipe.job.records.ParsedEvent;
import io.eventpipe.job.records.RawEvent;
import java.nio.charset.StandardCharsets;

/** Parsed events for function tests, each with a distinct source offset. */
public final class TestEvents {

    private static long nextOffset;

    private TestEvents() {}

    public static ParsedEvent event(String type, String user, long time, String key) {
        long offset = nextOffset++;
        byte[] bytes = ("{\"offset\":" + offset + "}").getBytes(StandardCharsets.UTF_8);
        return new ParsedEvent(
                type, user, time, key, "e-" + offset, new RawEvent(bytes, "events", 0, offset));
    }
}
