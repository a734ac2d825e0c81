package io.eventpipe.job;

import io.eventpipe.job.config.KafkaOptions;
import io.eventpipe.job.parsing.DeadLetterSerializer;
import io.eventpipe.job.parsing.RawEventDeserializer;
import io.eventpipe.job.records.DeadLetter;
import io.eventpipe.job.records.RawEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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

    /**
     * Stops start-up when the events topic or the dead-letter topic does not exist: the source
     * would otherwise fail and restart forever on the missing metadata, and the broker may be set
     * to create a mistyped dead-letter topic silently.
     */
    static void requireTopics(KafkaOptions kafka) {
        List<String> wanted = List.of(kafka.topic(), kafka.deadLetterTopic());
        Set<String> existing;
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers()))) {
            existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Cannot list the topics of Kafka at --bootstrap-servers "
                            + kafka.bootstrapServers(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing Kafka topics", e);
        }
        for (String topic : wanted) {
            if (!existing.contains(topic)) {
                String option = topic.equals(kafka.topic()) ? "--topic" : "--dlq-topic";
                throw new IllegalStateException(
                        "Topic '"
                                + topic
                                + "' ("
                                + option
                                + ") does not exist at "
                                + kafka.bootstrapServers()
                                + ": create it first");
            }
        }
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
                .setRecordSerializer(new DeadLetterSerializer(kafka.deadLetterTopic()))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }
}
