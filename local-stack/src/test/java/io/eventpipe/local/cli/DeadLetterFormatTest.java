package io.eventpipe.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterFormatTest {

    private static final long TIMESTAMP = 1764772800123L;

    private static ConsumerRecord<byte[], byte[]> deadLetter(byte[] key, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterFormat.REASON, utf8("missing-field:/user_id"));
        headers.add(DeadLetterFormat.SOURCE_TOPIC, utf8("events"));
        headers.add(DeadLetterFormat.SOURCE_PARTITION, utf8("3"));
        headers.add(DeadLetterFormat.SOURCE_OFFSET, utf8("4711"));
        return new ConsumerRecord<>(
                "events-dlq",
                0,
                42,
                TIMESTAMP,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                key,
                value,
                headers,
                Optional.empty());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void showsTimeOffsetHeadersKeyAndValue() {
        String value = "{\"type\":\"click\"}";

        String line = new DeadLetterFormat(200).line(deadLetter(utf8("user-1"), utf8(value)));

        assertThat(line)
                .isEqualTo(
                        Instant.ofEpochMilli(TIMESTAMP)
                                + " events-dlq/0@42 reason=missing-field:/user_id"
                                + " source=events/3@4711 key=user-1 value="
                                + value);
    }

    @Test
    void escapesControlCharactersAndReplacesBytesThatAreNotUtf8() {
        byte[] binary = {'a', '\n', 0, (byte) 0xff, 'b', '\\'};

        String line = new DeadLetterFormat(200).line(deadLetter(null, binary));

        assertThat(line).endsWith(" value=a\\u000a\\u0000\ufffdb\\\\").doesNotContain("key=");
        assertThat(line.chars().noneMatch(Character::isISOControl)).isTrue();
    }

    @Test
    void cutsLongValuesToTheWidthUnlessWhole() {
        String value = "x".repeat(50) + "y".repeat(50);

        String cut = new DeadLetterFormat(50).line(deadLetter(null, utf8(value)));
        String whole = new DeadLetterFormat(0).line(deadLetter(null, utf8(value)));

        assertThat(cut).endsWith(" value=" + "x".repeat(50) + "... (100 bytes in all)");
        assertThat(whole).endsWith(" value=" + value);
    }

    @Test
    void namesTombstonesAndEmptyValues() {
        assertThat(new DeadLetterFormat(10).line(deadLetter(utf8("k"), null)))
                .endsWith(" key=k value=(none: a tombstone)");
        assertThat(new DeadLetterFormat(10).line(deadLetter(null, new byte[0])))
                .endsWith(" value=(empty)");
    }
}
