package io.eventpipe.local.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens an input file for reading, decompressing it when it is gzip.
 *
 * <p>Gzip is recognised by its magic bytes ({@code 1f 8b}), not by the file name, so a renamed or
 * extension-less file still reads right. Concatenated gzip members are read through.
 */
final class InputFiles {

    private static final int BUFFER_BYTES = 1 << 16;
    private static final int GZIP_MAGIC_FIRST = 0x1f;
    private static final int GZIP_MAGIC_SECOND = 0x8b;

    private InputFiles() {}

    static InputStream open(Path file) throws IOException {
        return decompressIfGzip(Files.newInputStream(file));
    }

    /** Returns a buffered stream of the content, gunzipped if it starts with the gzip magic. */
    static InputStream decompressIfGzip(InputStream raw) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER_BYTES);
        if (!startsWithGzipMagic(buffered)) {
            return buffered;
        }
        return new BufferedInputStream(new GZIPInputStream(buffered, BUFFER_BYTES), BUFFER_BYTES);
    }

    /** Peeks at the first two bytes without consuming them. */
    static boolean startsWithGzipMagic(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == GZIP_MAGIC_FIRST && second == GZIP_MAGIC_SECOND;
    }
}
