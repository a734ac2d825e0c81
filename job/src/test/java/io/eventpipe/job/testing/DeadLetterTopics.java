package io.eventpipe.job.testing;

import io.eventpipe.local.KafkaServer;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The dead-letter topic of a test, made as {@code ./pipeline up} makes {@code events-dlq}: the job
 * refuses to start when the dead-letter topic cannot take the dead letter of the events topic's
 * largest record, and a topic with the broker's defaults cannot.
 */
public final class DeadLetterTopics {

    /** {@code max.message.bytes}: twice the broker's default, which the events topics keep. */
    public static final int MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

    private DeadLetterTopics() {}

    /** Creates the topic with one partition, or sets the limit on an existing one. */
    public static void create(KafkaServer kafka, String name) {
        kafka.createTopic(
                name,
                1,
                Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_MESSAGE_BYTES)));
    }
}
