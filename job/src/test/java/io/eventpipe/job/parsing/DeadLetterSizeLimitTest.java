package io.eventpipe.job.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventpipe.job.records.DeadLetter;
import io.eventpipe.job.records.RawEvent;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.SimpleRecord;
import org.junit.jupiter.api.Test;

class DeadLetterSizeLimitTest {

    private static final int KAFKA_DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;

    @Test
    void measuredSizeIsAnUpperBoundOfTheBatchKafkaWrites() {
        byte[] key = "user-1".getBytes();
        ProducerRecord<byte[], byte[]> letter = serialize(raw(1000, key), "oversize", limit(null));

        int measured = DeadLetterSizeLimit.sizeInBytes(letter);
        int written =
                MemoryRecords.withRecords(
                                CompressionType.NONE,
                                new SimpleRecord(
                                        0L,
                                        ByteBuffer.wrap(letter.key()),
                                        ByteBuffer.wrap(letter.value()),
                                        letter.headers().toArray()))
                        .sizeInBytes();

        assertThat(measured).isBetween(written, written + 32);
    }

    @Test
    void deadLetterAtTheLimitPassesAndOneByteMoreFailsNamingSizesAndSetting() {
        DeadLetterSerializer unlimited = new DeadLetterSerializer(limit(null));
        int size =
                DeadLetterSizeLimit.sizeInBytes(
                        serialize(raw(5000, null), "oversize", limit(null)));
        DeadLetterSerializer exact = new DeadLetterSerializer(limit(size));
        DeadLetterSerializer oneShort = new DeadLetterSerializer(limit(size - 1));
        DeadLetter letter = new DeadLetter(raw(5000, null), "oversize");

        assertThat(unlimited.serialize(letter, null, 1L).value()).hasSize(5000);
        assertThat(exact.serialize(letter, null, 1L).value()).hasSize(5000);
        assertThatThrownBy(() -> oneShort.serialize(letter, null, 1L))
                .isInstanceOf(DeadLetterTooLargeException.class)
                .hasMessageContaining("events-2@12345 (reason oversize) is " + size + " bytes")
                .hasMessageContaining("events-dlq (max.message.bytes = " + (size - 1) + ")")
                .hasMessageContaining("max.message.bytes=" + size)
                .hasMessageContaining("Nothing is dropped");
    }

    @Test
    void deadLetterAboveTheProducerLimitFailsEvenWhenTheTopicWouldTakeIt() {
        int producer = DeadLetterSizeLimit.PRODUCER_MAX_REQUEST_BYTES;
        DeadLetterSerializer roomyTopic = new DeadLetterSerializer(limit(4 * producer));
        DeadLetter letter = new DeadLetter(raw(producer, null), "oversize");

        assertThatThrownBy(() -> roomyTopic.serialize(letter, null, 1L))
                .isInstanceOf(DeadLetterTooLargeException.class)
                .hasMessageContaining("max.request.size = " + producer)
                .hasMessageContaining("No dead letter can exceed " + producer);
    }

    @Test
    void explainsTheMismatchWhenTheDeadLetterTopicIsNoLargerThanTheEventsTopic() {
        int events = KAFKA_DEFAULT_MAX_MESSAGE_BYTES;
        int enough = events + DeadLetterSizeLimit.HEADER_ROOM_BYTES;

        assertThat(limit(events).mismatchWith("events", events))
                .hasValueSatisfying(
                        warning ->
                                assertThat(warning)
                                        .contains("up to " + events + " bytes")
                                        .contains("events-dlq (max.message.bytes = " + events)
                                        .contains("max.message.bytes=" + enough));
        assertThat(limit(enough).mismatchWith("events", events)).isEmpty();
        assertThat(limit(null).mismatchWith("events", events)).isEmpty();
        assertThat(
                        limit(null)
                                .mismatchWith(
                                        "events", DeadLetterSizeLimit.PRODUCER_MAX_REQUEST_BYTES))
                .hasValueSatisfying(warning -> assertThat(warning).contains("max.request.size"));
    }

    private static DeadLetterSizeLimit limit(Integer topicMaxMessageBytes) {
        return new DeadLetterSizeLimit("events-dlq", topicMaxMessageBytes);
    }

    private static RawEvent raw(int valueBytes, byte[] key) {
        byte[] value = new byte[valueBytes];
        Arrays.fill(value, (byte) 'x');
        return new RawEvent(value, "events", 2, 12345L, key);
    }

    private static ProducerRecord<byte[], byte[]> serialize(
            RawEvent raw, String reason, DeadLetterSizeLimit limit) {
        return new DeadLetterSerializer(limit).serialize(new DeadLetter(raw, reason), null, 1L);
    }
}
