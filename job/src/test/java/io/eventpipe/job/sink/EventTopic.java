package io.eventpipe.job.sink;

import io.eventpipe.local.KafkaServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A test's event topic on the local Kafka: sends records round-robin over its partitions, in order,
 * and reads its end offsets and a consumer group's committed offsets.
 */
final class EventTopic implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 30;

    private final String name;
    private final int partitions;
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;
    private int sent;

    EventTopic(KafkaServer kafka, String name, int partitions) {
        kafka.createTopic(name, partitions);
        this.name = name;
        this.partitions = partitions;
        this.admin = kafka.admin();
        this.producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers(),
                                ProducerConfig.ACKS_CONFIG,
                                "all"),
                        new ByteArraySerializer(),
                        new ByteArraySerializer());
    }

    /**
     * Sends {@code values} round-robin over the partitions and waits until Kafka has them all. Each
     * partition thus receives its share in the order given.
     *
     * @return the partition of each value, in order
     */
    List<Integer> send(List<byte[]> values) throws Exception {
        List<Integer> partitionOfEach = new ArrayList<>();
        for (byte[] value : values) {
            int partition = sent++ % partitions;
            producer.send(new ProducerRecord<>(name, partition, null, value));
            partitionOfEach.add(partition);
        }
        producer.flush();
        return partitionOfEach;
    }

    /** The next offset of each partition. */
    Map<Integer, Long> endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(name, p), OffsetSpec.latest());
        }
        Map<Integer, Long> offsets = new TreeMap<>();
        admin.listOffsets(request)
                .all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .forEach((tp, info) -> offsets.put(tp.partition(), info.offset()));
        return offsets;
    }

    /** The offsets {@code group} has committed, per partition; absent before its first commit. */
    Map<Integer, Long> committedOffsets(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<Integer, Long> offsets = new TreeMap<>();
        committed.forEach(
                (tp, meta) -> {
                    if (tp.topic().equals(name) && meta != null) {
                        offsets.put(tp.partition(), meta.offset());
                    }
                });
        return offsets;
    }

    @Override
    public void close() {
        try {
            producer.close();
        } finally {
            admin.close();
        }
    }
}
