package io.eventpipe.job.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * Checkpointing and parallelism.
 *
 * @param parallelism the job's parallelism, or null to keep the one given to {@code flink run -p}
 *     or the cluster's default
 */
public record RuntimeOptions(Duration checkpointInterval, Integer parallelism, int maxParallelism)
        implements Serializable {}
