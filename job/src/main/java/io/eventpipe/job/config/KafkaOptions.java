package io.eventpipe.job.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * Where the job reads events and writes dead letters.
 *
 * @param bounded stop at the offsets that are latest when the job starts (a backfill), instead of
 *     running forever
 */
public record KafkaOptions(
        String bootstrapServers,
        String topic,
        String groupId,
        String deadLetterTopic,
        Duration partitionDiscoveryInterval,
        boolean bounded)
        implements Serializable {}
