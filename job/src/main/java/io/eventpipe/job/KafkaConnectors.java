package io.eventpipe.job;

import io.eventpipe.job.config.KafkaOptions;
import io.eventpipe.job.parsing.DeadLetterSerializer;
import io.eventpipe.job.parsing.RawEventDeserializer;
import io.eventpipe.job.records.DeadLetter;
import io.eventpipe.job.records.RawEvent;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The job's Kafka source of raw events and its Kafka sink of dead letters.
 *
 * <p>The source starts from the consumer group's committed offsets, or from the earliest offsets
 * for a new group, and commits offsets on each completed checkpoint: Flink's checkpoints, not the
 * commits, are what a restart resumes from; the commits let a new deployment of the job pick up
 * where the last one stopped, and let operators watch consumer lag.
 *
 * <p>Dead letters are written at least once: after a restart a dead letter may appear twice, which
 * is harmless for a topic meant for inspection and replay.
 */
final class KafkaConnectors {

    private KafkaConnectors() {}

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
                .setRecordSerializer(new DeadLetterSerializer(kafka.deadLetterTopic()))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }
}
