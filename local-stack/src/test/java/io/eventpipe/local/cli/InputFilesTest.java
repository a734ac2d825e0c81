package io.eventpipe.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    private static final byte[] CONTENT = "{\"a\":1}\n{\"b\":2}\n".getBytes(StandardCharsets.UTF_8);

    @TempDir Path dir;

    @Test
    void gzipFileIsDetectedByMagicBytesWhateverItsName() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Files.write(file, gzip(CONTENT));

        assertThat(readAll(file)).isEqualTo(CONTENT);
    }

    @Test
    void plainFileIsReadAsItIsEvenWhenNamedGz() throws IOException {
        Path file = dir.resolve("events.jsonl.gz");
        Files.write(file, CONTENT);

        assertThat(readAll(file)).isEqualTo(CONTENT);
    }

    @Test
    void concatenatedGzipMembersAreReadThrough() throws IOException {
        byte[] first = "{\"a\":1}\n".getBytes(StandardCharsets.UTF_8);
        byte[] second = "{\"b\":2}\n".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("two-members.gz");
        Files.write(file, concat(gzip(first), gzip(second)));

        assertThat(readAll(file)).isEqualTo(concat(first, second));
    }

    @Test
    void emptyAndOneByteFilesAreNotGzip() throws IOException {
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        Path oneByte = Files.write(dir.resolve("one"), new byte[] {0x1f});

        assertThat(readAll(empty)).isEmpty();
        assertThat(readAll(oneByte)).containsExactly(0x1f);
    }

    private static byte[] readAll(Path file) throws IOException {
        try (InputStream in = InputFiles.open(file)) {
            return in.readAllBytes();
        }
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
