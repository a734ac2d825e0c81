package io.eventpipe.local.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic's records without a consumer group: it assigns itself every partition and seeks, so
 * it commits nothing and cannot take partitions from, or rebalance, any group such as the job's.
 *
 * <p>It reads from the beginning, or the newest N records of each partition, up to the end offsets
 * of its start (or on, until stopped, when following). Kafka unreachable, a missing topic, or no
 * progress for {@link #TIMEOUT} while records remain fail with an {@link IllegalStateException} or
 * Kafka's own exception.
 */
final class DeadLetterReader implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;

    DeadLetterReader(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "pipeline-dead-letters");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.consumer =
                new KafkaConsumer<>(
                        config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
    }

    /**
     * Hands each record to {@code sink} in offset order per partition and returns how many it read.
     *
     * @param newest how many of the newest records of each partition to read; null for all
     */
    long read(
            Integer newest,
            boolean follow,
            StopSignal stop,
            Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        List<TopicPartition> partitions = partitions();
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        for (TopicPartition partition : partitions) {
            long from = beginning.get(partition);
            consumer.seek(
                    partition, newest == null ? from : Math.max(from, end.get(partition) - newest));
        }
        long read = 0;
        Instant lastProgress = Instant.now();
        while (!stop.isStopRequested() && (follow || !caughtUp(end))) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            records.forEach(sink);
            read += records.count();
            if (!records.isEmpty() || follow) {
                lastProgress = Instant.now();
            } else if (Instant.now().isAfter(lastProgress.plus(TIMEOUT))) {
                throw new IllegalStateException(
                        "No records arrived within " + TIMEOUT + " though " + topic + " has more");
            }
        }
        return read;
    }

    private List<TopicPartition> partitions() {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, TIMEOUT);
        if (partitions == null || partitions.isEmpty()) {
            throw new IllegalStateException(
                    "Topic " + topic + " does not exist; ./pipeline up creates it");
        }
        return partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private boolean caughtUp(Map<TopicPartition, Long> end) {
        return end.entrySet().stream()
                .allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }

    @Override
    public void close() {
        consumer.close(TIMEOUT);
    }
}
