package io.eventpipe.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesReaderTest {

    @Test
    void linesGoOutByteForByteWithoutTheirTerminators() throws IOException {
        byte[] invalidUtf8 = {'{', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(utf8("{\"user_id\":\"u1\",  \"ts\": 5}\r\n"));
        file.write(invalidUtf8);
        file.write(utf8("\n{\"last\":\"no newline\"}"));

        List<FileRecord> records = readAll(file.toByteArray());

        assertThat(records).hasSize(3);
        assertThat(records.get(0).value()).isEqualTo(utf8("{\"user_id\":\"u1\",  \"ts\": 5}"));
        assertThat(records.get(1).value()).isEqualTo(invalidUtf8);
        assertThat(records.get(2).value()).isEqualTo(utf8("{\"last\":\"no newline\"}"));
    }

    @Test
    void blankLinesAreSkippedAndNonJsonLinesKeptUnparsed() throws IOException {
        List<FileRecord> records = readAll(utf8("\n  \n{\"a\":1}\nnot json\n\r\n"));

        assertThat(records).hasSize(2);
        assertThat(records.get(0).json().get("a").asInt()).isEqualTo(1);
        assertThat(records.get(1).value()).isEqualTo(utf8("not json"));
        assertThat(records.get(1).json()).isNull();
    }

    @Test
    void eachRecordNamesItsPhysicalLineCountingSkippedBlankLines() throws IOException {
        List<FileRecord> records = readAll(utf8("\n{\"a\":1}\r\n  \n\nnot json\n{\"b\":2}"));

        assertThat(records)
                .extracting(FileRecord::origin)
                .containsExactly(
                        "events.jsonl line 2", "events.jsonl line 5", "events.jsonl line 6");
    }

    private static List<FileRecord> readAll(byte[] content) throws IOException {
        List<FileRecord> records = new ArrayList<>();
        try (JsonLinesReader reader =
                new JsonLinesReader("events.jsonl", new ByteArrayInputStream(content))) {
            for (FileRecord r = reader.next(); r != null; r = reader.next()) {
                records.add(r);
            }
        }
        return records;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
