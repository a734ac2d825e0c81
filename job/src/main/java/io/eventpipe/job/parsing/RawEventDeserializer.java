package io.eventpipe.job.parsing;

import io.eventpipe.job.records.RawEvent;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Wraps each Kafka record, unparsed, as a {@link RawEvent} with its key, topic, partition and
 * offset. A tombstone (no value) stays one: its value is null, not an empty array.
 *
 * <p>Parsing happens later, in {@link ParseEventsFunction}, so that a bad record becomes a dead
 * letter instead of a deserialization failure that would restart the job forever.
 */
public class RawEventDeserializer implements KafkaRecordDeserializationSchema<RawEvent> {

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawEvent> out) {
        out.collect(
                new RawEvent(
                        record.value(),
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        record.key()));
    }

    @Override
    public TypeInformation<RawEvent> getProducedType() {
        return TypeInformation.of(RawEvent.class);
    }
}
