package io.eventpipe.job.parsing;

import io.eventpipe.job.records.RawEvent;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The largest dead letter that can be written, the dead-letter topic's {@code max.message.bytes}
 * capped by the producer's {@code max.request.size}, and the check of each dead letter against it.
 *
 * <p>A dead letter is the original key and value plus a few headers, so it is slightly larger than
 * the record it came from: the dead-letter topic must accept somewhat larger records than the
 * events topic ({@link #HEADER_ROOM_BYTES} more is ample). A dead letter is measured as Kafka
 * measures a batch holding only it, uncompressed, by Kafka's own upper-bound estimate (the one the
 * producer checks), so one that passes is never refused by the broker for its size.
 *
 * @param topicMaxMessageBytes the topic's limit, or null when it could not be read; then only the
 *     producer's limit is checked here and the broker's refusal fails the job with Kafka's message
 */
public record DeadLetterSizeLimit(String topic, Integer topicMaxMessageBytes)
        implements Serializable {

    /**
     * {@code max.request.size} of the job's dead-letter producer: far above the broker default of 1
     * MiB, so that the topic's own limit, which an operator can change, is the one that binds.
     */
    public static final int PRODUCER_MAX_REQUEST_BYTES = 16 << 20;

    /** Room for the dead-letter headers (reason, topic name, partition, offset), with a margin. */
    public static final int HEADER_ROOM_BYTES = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterSizeLimit.class);

    /** Reads the topic's limit; if Kafka cannot tell, warns and checks the producer's only. */
    public static DeadLetterSizeLimit read(String bootstrapServers, String topic) {
        try (Admin admin =
                Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return new DeadLetterSizeLimit(
                    topic, TopicMessageLimits.read(admin, List.of(topic)).get(topic));
        } catch (IllegalStateException | KafkaException e) {
            LOG.warn(
                    "Cannot read max.message.bytes of dead-letter topic {}; dead letters are"
                            + " checked against max.request.size {} only",
                    topic,
                    PRODUCER_MAX_REQUEST_BYTES,
                    e);
            return new DeadLetterSizeLimit(topic, null);
        }
    }

    /** The largest dead letter in bytes, as measured by {@link #sizeInBytes}. */
    public int maxBytes() {
        return topicMaxMessageBytes == null
                ? PRODUCER_MAX_REQUEST_BYTES
                : Math.min(topicMaxMessageBytes, PRODUCER_MAX_REQUEST_BYTES);
    }

    /** The size of {@code record} as a Kafka record batch of its own, uncompressed, at most. */
    public static int sizeInBytes(ProducerRecord<byte[], byte[]> record) {
        return AbstractRecords.estimateSizeInBytesUpperBound(
                RecordBatch.CURRENT_MAGIC_VALUE,
                CompressionType.NONE,
                record.key(),
                record.value(),
                record.headers().toArray());
    }

    /**
     * Throws {@link DeadLetterTooLargeException} when {@code record}, the dead letter of {@code
     * source}, cannot be written.
     */
    void check(ProducerRecord<byte[], byte[]> record, RawEvent source, String reason) {
        int size = sizeInBytes(record);
        if (size > maxBytes()) {
            throw new DeadLetterTooLargeException(
                    String.format(
                            "The dead letter of %s-%d@%d (reason %s) is %d bytes, more than %s"
                                    + " accepts. Nothing is dropped: the job fails on this record"
                                    + " after every restart until it fits. %s Each restart reads"
                                    + " the limit afresh. See 'Dead letters' in job/SINK.md.",
                            source.topic(),
                            source.partition(),
                            source.offset(),
                            reason,
                            size,
                            describeLimit(),
                            remedy(size)));
        }
    }

    /**
     * Why the dead letter of a record at the events topic's limit would not fit, with the setting
     * that makes it fit, or empty when it fits.
     */
    public Optional<String> mismatchWith(String eventsTopic, int eventsMaxMessageBytes) {
        long needed = (long) eventsMaxMessageBytes + HEADER_ROOM_BYTES;
        if (maxBytes() >= needed) {
            return Optional.empty();
        }
        return Optional.of(
                String.format(
                        "Topic %s takes records of up to %d bytes (max.message.bytes), but dead"
                                + " letters can have only %d (%s): the dead letter of an invalid"
                                + " record near that size could not be written. %s",
                        eventsTopic,
                        eventsMaxMessageBytes,
                        maxBytes(),
                        describeLimit(),
                        remedy(needed)));
    }

    private boolean producerBinds() {
        return maxBytes() == PRODUCER_MAX_REQUEST_BYTES
                && (topicMaxMessageBytes == null
                        || topicMaxMessageBytes > PRODUCER_MAX_REQUEST_BYTES);
    }

    private String describeLimit() {
        return producerBinds()
                ? "the job's dead-letter producer (max.request.size = " + maxBytes() + ")"
                : "dead-letter topic " + topic + " (max.message.bytes = " + maxBytes() + ")";
    }

    private String remedy(long bytes) {
        if (bytes > PRODUCER_MAX_REQUEST_BYTES) {
            return String.format(
                    "No dead letter can exceed %d bytes: keep the events topic's max.message.bytes"
                            + " at most %d.",
                    PRODUCER_MAX_REQUEST_BYTES, PRODUCER_MAX_REQUEST_BYTES - HEADER_ROOM_BYTES);
        }
        return String.format(
                "Set max.message.bytes of topic %s to at least %d (kafka-configs.sh"
                        + " --bootstrap-server <broker> --alter --entity-type topics --entity-name"
                        + " %s --add-config max.message.bytes=%d, or rpk topic alter-config %s"
                        + " --set max.message.bytes=%d).",
                topic, bytes, topic, bytes, topic, bytes);
    }
}
