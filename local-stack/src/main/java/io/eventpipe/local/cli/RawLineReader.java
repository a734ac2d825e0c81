package io.eventpipe.local.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it, so each line's bytes reach Kafka exactly as
 * they are in the file (invalid UTF-8 included: judging it is the pipeline's job).
 *
 * <p>A line ends at {@code \n}; a {@code \r} right before it is part of the line ending and
 * dropped. The last line needs no terminator. Not thread safe.
 */
final class RawLineReader {

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    private long lineNumber;

    /** {@code in} should be buffered: it is read one byte at a time. */
    RawLineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its terminator, or null at the end of the stream. */
    byte[] next() throws IOException {
        line.reset();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        lineNumber++;
        byte[] bytes = line.toByteArray();
        boolean crlf = bytes.length > 0 && bytes[bytes.length - 1] == '\r';
        return crlf ? Arrays.copyOf(bytes, bytes.length - 1) : bytes;
    }

    /** The 1-based number of the line last returned. */
    long lineNumber() {
        return lineNumber;
    }
}
