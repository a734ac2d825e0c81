package io.eventpipe.job.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.job.records.DeadLetter;
import io.eventpipe.job.records.RawEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class KafkaRecordSchemasTest {

    @Test
    void rawEventKeepsKeyBytesTopicPartitionAndOffset() {
        byte[] key = "user-7".getBytes(StandardCharsets.UTF_8);
        byte[] value = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        List<RawEvent> out = new ArrayList<>();

        new RawEventDeserializer()
                .deserialize(new ConsumerRecord<>("events", 3, 17L, key, value), collectInto(out));

        assertThat(out).hasSize(1);
        assertThat(out.get(0).value()).isEqualTo(value);
        assertThat(out.get(0).key()).isEqualTo(key);
        assertThat(out.get(0))
                .extracting(RawEvent::topic, RawEvent::partition, RawEvent::offset)
                .containsExactly("events", 3, 17L);
    }

    @Test
    void tombstoneStaysNullAndAnEmptyValueStaysEmpty() {
        byte[] key = "user-7".getBytes(StandardCharsets.UTF_8);
        List<RawEvent> out = new ArrayList<>();
        Collector<RawEvent> collector = collectInto(out);

        new RawEventDeserializer()
                .deserialize(new ConsumerRecord<>("events", 1, 18L, key, null), collector);
        new RawEventDeserializer()
                .deserialize(new ConsumerRecord<>("events", 1, 19L, null, new byte[0]), collector);

        assertThat(out.get(0).value()).isNull();
        assertThat(out.get(0).key()).isEqualTo(key);
        assertThat(out.get(1).value()).isEmpty();
        assertThat(out.get(1).key()).isNull();
    }

    @Test
    void deadLetterIsTheOriginalValueWithReasonAndSourceHeaders() {
        byte[] original = {(byte) 0xff, 0x00, '{'};
        DeadLetter letter = new DeadLetter(new RawEvent(original, "events", 2, 12345L), "bad-time");

        ProducerRecord<byte[], byte[]> record =
                new DeadLetterSerializer(new DeadLetterSizeLimit("events-dlq", null))
                        .serialize(letter, null, 99L);

        assertThat(record.topic()).isEqualTo("events-dlq");
        assertThat(record.key()).isNull();
        assertThat(record.value()).isEqualTo(original);
        assertThat(header(record, "dlq.reason")).isEqualTo("bad-time");
        assertThat(header(record, "dlq.source.topic")).isEqualTo("events");
        assertThat(header(record, "dlq.source.partition")).isEqualTo("2");
        assertThat(header(record, "dlq.source.offset")).isEqualTo("12345");
    }

    @Test
    void deadLetterOfATombstoneIsATombstoneWithTheOriginalKey() {
        byte[] key = "user-7".getBytes(StandardCharsets.UTF_8);
        RawEvent tombstone = new RawEvent(null, "events", 0, 5L, key);

        ProducerRecord<byte[], byte[]> record =
                new DeadLetterSerializer(new DeadLetterSizeLimit("events-dlq", null))
                        .serialize(new DeadLetter(tombstone, InvalidReasons.EMPTY_VALUE), null, 1L);

        assertThat(record.key()).isEqualTo(key);
        assertThat(record.value()).isNull();
        assertThat(header(record, "dlq.reason")).isEqualTo("empty-value");
        assertThat(header(record, "dlq.source.offset")).isEqualTo("5");
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static <T> Collector<T> collectInto(List<T> out) {
        return new Collector<>() {
            @Override
            public void collect(T record) {
                out.add(record);
            }

            @Override
            public void close() {}
        };
    }
}
