package io.eventpipe.job;

import io.eventpipe.job.config.KafkaOptions;
import io.eventpipe.job.parsing.DeadLetterSerializer;
import io.eventpipe.job.parsing.DeadLetterSizeLimit;
import io.eventpipe.job.parsing.RawEventDeserializer;
import io.eventpipe.job.records.DeadLetter;
import io.eventpipe.job.records.RawEvent;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The job's Kafka source of raw events and its Kafka sink of dead letters.
 *
 * <p>The source starts from the consumer group's committed offsets, or from the earliest offsets
 * for a new group, and commits offsets on each completed checkpoint: Flink's checkpoints, not the
 * commits, are what a restart resumes from; the commits let a new deployment of the job pick up
 * where the last one stopped, and let operators watch consumer lag.
 *
 * <p>Dead letters are written at least once: after a restart a dead letter may appear twice, which
 * is harmless for a topic meant for inspection and replay. One larger than the dead-letter topic
 * accepts fails the job with an explanation rather than being dropped ({@link
 * DeadLetterSerializer}).
 */
final class KafkaConnectors {

    private KafkaConnectors() {}

    /**
     * Stops start-up when a topic is missing or the dead-letter topic is too small for the dead
     * letters of the largest events ({@link KafkaTopicChecks}).
     */
    static void requireTopics(KafkaOptions kafka) {
        KafkaTopicChecks.check(kafka);
    }

    static KafkaSource<RawEvent> source(KafkaOptions kafka) {
        KafkaSourceBuilder<RawEvent> builder =
                KafkaSource.<RawEvent>builder()
                        .setBootstrapServers(kafka.bootstrapServers())
                        .setTopics(kafka.topic())
                        .setGroupId(kafka.groupId())
                        .setStartingOffsets(
                                OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                        .setDeserializer(new RawEventDeserializer())
                        .setProperty("commit.offsets.on.checkpoint", "true")
                        .setProperty(
                                "partition.discovery.interval.ms",
                                Long.toString(kafka.partitionDiscoveryInterval().toMillis()));
        if (kafka.bounded()) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    static KafkaSink<DeadLetter> deadLetterSink(KafkaOptions kafka) {
        return KafkaSink.<DeadLetter>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setRecordSerializer(
                        new DeadLetterSerializer(kafka.deadLetterTopic(), kafka.bootstrapServers()))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                // A dead letter is a whole original record plus headers: the producer must take
                // records above the 1 MiB default, so that the topic's limit is what binds. The
                // buffer holds two of the largest; no compression, so sizes match the check.
                .setProperty(
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        Integer.toString(DeadLetterSizeLimit.PRODUCER_MAX_REQUEST_BYTES))
                .setProperty(
                        ProducerConfig.BUFFER_MEMORY_CONFIG,
                        Long.toString(2L * DeadLetterSizeLimit.PRODUCER_MAX_REQUEST_BYTES))
                .build();
    }
}
