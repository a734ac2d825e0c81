package io.eventpipe.job.parsing;

import io.eventpipe.job.records.DeadLetter;
import io.eventpipe.job.records.RawEvent;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a dead letter to the dead-letter topic: the original key and value unchanged (a tombstone
 * stays a tombstone), the reason and the source position as UTF-8 headers.
 *
 * <p>Headers: {@code dlq.reason}, {@code dlq.source.topic}, {@code dlq.source.partition}, {@code
 * dlq.source.offset}. The original record's own headers are not copied. Dead letters of records
 * without a key spread over the topic's partitions; those with one follow its hash.
 *
 * <p>A dead letter larger than the topic accepts ({@link DeadLetterSizeLimit}, read from Kafka each
 * time the sink starts, so a restart after the limit was changed sees the new one) fails the job
 * with a {@link DeadLetterTooLargeException} naming the sizes and the setting to change, rather
 * than Kafka's bare refusal; the record is never dropped. Start-up refuses a dead-letter topic too
 * small for the events topic, so this guards only against a limit lowered while the job runs.
 */
public class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {

    public static final String REASON_HEADER = "dlq.reason";
    public static final String TOPIC_HEADER = "dlq.source.topic";
    public static final String PARTITION_HEADER = "dlq.source.partition";
    public static final String OFFSET_HEADER = "dlq.source.offset";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterSerializer.class);

    private final String topic;
    private final String bootstrapServers;
    private DeadLetterSizeLimit sizeLimit;

    /** Dead letters to {@code topic}, whose size limit is read from Kafka when the sink opens. */
    public DeadLetterSerializer(String topic, String bootstrapServers) {
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.sizeLimit = new DeadLetterSizeLimit(topic, null);
    }

    /** Dead letters to the topic of {@code sizeLimit}, checked against that fixed limit. */
    DeadLetterSerializer(DeadLetterSizeLimit sizeLimit) {
        this.topic = sizeLimit.topic();
        this.bootstrapServers = null;
        this.sizeLimit = sizeLimit;
    }

    @Override
    public void open(
            SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
        if (bootstrapServers != null) {
            sizeLimit = DeadLetterSizeLimit.read(bootstrapServers, topic);
            LOG.info("Dead letters to {} may be up to {} bytes", topic, sizeLimit.maxBytes());
        }
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
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(topic, null, null, source.key(), source.value(), headers);
        sizeLimit.check(record, source, letter.reason());
        return record;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
