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
    void rawEventKeepsBytesTopicPartitionAndOffsetAndTombstonesBecomeEmpty() throws Exception {
        byte[] value = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        List<RawEvent> out = new ArrayList<>();
        Collector<RawEvent> collector = collectInto(out);

        new RawEventDeserializer()
                .deserialize(new ConsumerRecord<>("events", 3, 17L, null, value), collector);
        new RawEventDeserializer()
                .deserialize(new ConsumerRecord<>("events", 1, 18L, null, null), collector);

        assertThat(out.get(0).value()).isEqualTo(value);
        assertThat(out.get(0))
                .extracting(RawEvent::topic, RawEvent::partition, RawEvent::offset)
                .containsExactly("events", 3, 17L);
        assertThat(out.get(1).value()).isEmpty();
    }

    @Test
    void deadLetterIsTheOriginalValueWithReasonAndSourceHeaders() {
        byte[] original = {(byte) 0xff, 0x00, '{'};
        DeadLetter letter = new DeadLetter(new RawEvent(original, "events", 2, 12345L), "bad-time");

        ProducerRecord<byte[], byte[]> record =
                new DeadLetterSerializer("events-dlq").serialize(letter, null, 99L);

        assertThat(record.topic()).isEqualTo("events-dlq");
        assertThat(record.value()).isEqualTo(original);
        assertThat(header(record, "dlq.reason")).isEqualTo("bad-time");
        assertThat(header(record, "dlq.source.topic")).isEqualTo("events");
        assertThat(header(record, "dlq.source.partition")).isEqualTo("2");
        assertThat(header(record, "dlq.source.offset")).isEqualTo("12345");
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
