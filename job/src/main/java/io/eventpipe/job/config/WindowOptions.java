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
        implements Serializable {}
