package io.eventpipe.job.parsing;

import io.eventpipe.job.records.DeadLetter;
import io.eventpipe.job.records.RawEvent;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes a dead letter to the dead-letter topic: the original key and value unchanged (a tombstone
 * stays a tombstone), the reason and the source position as UTF-8 headers.
 *
 * <p>Headers: {@code dlq.reason}, {@code dlq.source.topic}, {@code dlq.source.partition}, {@code
 * dlq.source.offset}. The original record's own headers are not copied. Dead letters of records
 * without a key spread over the topic's partitions; those with one follow its hash.
 */
public class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {

    public static final String REASON_HEADER = "dlq.reason";
    public static final String TOPIC_HEADER = "dlq.source.topic";
    public static final String PARTITION_HEADER = "dlq.source.partition";
    public static final String OFFSET_HEADER = "dlq.source.offset";

    private final String topic;

    public DeadLetterSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            DeadLetter letter, KafkaSinkContext context, Long timestamp) {
        RawEvent source = letter.source();
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, utf8(letter.reason()));
        headers.add(TOPIC_HEADER, utf8(source.topic()));
        headers.add(PARTITION_HEADER, utf8(Integer.toString(source.partition())));
        headers.add(OFFSET_HEADER, utf8(Long.toString(source.offset())));
        return new ProducerRecord<>(topic, null, null, source.key(), source.value(), headers);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
