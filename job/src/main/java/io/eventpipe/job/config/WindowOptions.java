package io.eventpipe.job.config;

import java.io.Serializable;
import java.time.Duration;

/** Event time and windowing: how disordered events may be and when results are written. */
public record WindowOptions(
        Duration maxOutOfOrderness,
        Duration idleTimeout,
        Duration windowSize,
        Duration allowedLateness,
        Duration provisionalInterval,
        int topK)
        implements Serializable {

    /**
     * The most top keys a window row may hold: 256 keys of the longest kind the parser accepts
     * (1024 characters) stay well under the sink's 1 MiB limit on a row, which fails the job when
     * passed.
     */
    public static final int MAX_TOP_K = 256;
}
