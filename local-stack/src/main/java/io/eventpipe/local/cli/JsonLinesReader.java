package io.eventpipe.local.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a JSON-lines file: each non-blank line is one record whose bytes are sent unchanged.
 *
 * <p>Lines are parsed only to find the key and time; a line that is not valid JSON is still sent as
 * it is (keyless, untimed) so the pipeline's dead-letter handling sees real bad input. Blank lines
 * carry no event and are skipped, but counted in the line numbers that name records.
 */
final class JsonLinesReader implements EventFileReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String fileName;
    private final InputStream in;
    private final RawLineReader lines;

    JsonLinesReader(String fileName, InputStream in) {
        this.fileName = fileName;
        this.in = in;
        this.lines = new RawLineReader(in);
    }

    @Override
    public FileRecord next() throws IOException {
        byte[] line;
        do {
            line = lines.next();
        } while (line != null && isBlank(line));
        if (line == null) {
            return null;
        }
        // The physical line number, skipped blank lines included, so an editor finds the record.
        String origin = fileName + " line " + lines.lineNumber();
        return new FileRecord(line, parseOrNull(line), origin);
    }

    private static JsonNode parseOrNull(byte[] line) {
        try {
            return MAPPER.readTree(line);
        } catch (JacksonException notJson) {
            return null;
        } catch (IOException e) {
            // readTree(byte[]) does no I/O; anything else it throws also means "not JSON".
            return null;
        }
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
