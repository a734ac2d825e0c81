package io.eventpipe.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.local.KafkaServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic back from the beginning of every partition, for assertions. */
final class TopicReader {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private TopicReader() {}

    /**
     * Reads until {@code expected} records arrived (failing after {@link #TIMEOUT}), and checks the
     * topic holds no more than that.
     */
    static List<SentRecord> readAll(KafkaServer kafka, String topic, int expected) {
        return readAllByPartition(kafka, topic, expected).values().stream()
                .flatMap(List::stream)
                .toList();
    }

    /** As {@link #readAll}, grouped by partition number (every partition present, maybe empty). */
    static Map<Integer, List<SentRecord>> readAllByPartition(
            KafkaServer kafka, String topic, int expected) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(kafka)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<Integer, List<SentRecord>> records = pollUntil(consumer, partitions, expected);
            long stored = consumer.endOffsets(partitions).values().stream().mapToLong(o -> o).sum();
            assertThat(stored).as("records in topic %s", topic).isEqualTo(expected);
            return records;
        }
    }

    private static Map<Integer, List<SentRecord>> pollUntil(
            KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions, int expected) {
        Map<Integer, List<SentRecord>> records = new TreeMap<>();
        partitions.forEach(p -> records.put(p.partition(), new ArrayList<>()));
        int read = 0;
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (read < expected && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                records.get(record.partition())
                        .add(SentRecord.of(record.key(), utf8(record.value())));
                read++;
            }
        }
        assertThat(read).as("records read within %s", TIMEOUT).isEqualTo(expected);
        return records;
    }

    private static String utf8(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }

    private static KafkaConsumer<String, byte[]> consumer(KafkaServer kafka) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                                StringDeserializer.class.getName(),
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                                ByteArrayDeserializer.class.getName()));
    }
}
