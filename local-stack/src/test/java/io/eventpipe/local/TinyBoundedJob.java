package io.eventpipe.local;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * A bounded Flink job for the smoke test, submitted to the local cluster as a jar holding only this
 * class: it keeps the even numbers of 1..N (N is the first argument) and discards them, so the test
 * can compare the sink's record count with its own count.
 */
public final class TinyBoundedJob {

    public static final String JOB_NAME = "tiny-bounded-job";

    private TinyBoundedJob() {}

    public static void main(String[] args) throws Exception {
        long last = Long.parseLong(args[0]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(1, last)
                .filter(number -> number % 2 == 0)
                .name("keep-even")
                .sinkTo(new DiscardingSink<>())
                .name("discard")
                // Its own task, so the REST API counts the records it reads from the filter.
                .disableChaining();
        env.execute(JOB_NAME);
    }
}
