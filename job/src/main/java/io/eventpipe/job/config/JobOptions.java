package io.eventpipe.job.config;

import io.eventpipe.job.records.FieldMapping;
import java.io.Serializable;

/**
 * Every setting of one run of the job, immutable and validated; built by {@link
 * JobCommandLine#parse}.
 */
public record JobOptions(
        KafkaOptions kafka,
        FieldMapping fields,
        WindowOptions windows,
        CassandraOptions cassandra,
        RuntimeOptions runtime)
        implements Serializable {}
