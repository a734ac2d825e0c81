package io.eventpipe.local.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** A replay file with its format: opens readers over it and counts its records. */
record ReplayInput(Path file, ReplayFormat format, List<String> columns) {

    EventFileReader open() throws IOException {
        InputStream in = InputFiles.open(file);
        try {
            return format == ReplayFormat.CSV
                    ? new CsvEventReader(file.toString(), in, columns)
                    : new JsonLinesReader(file.toString(), in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Reads the whole file once: the total for the progress bar, and a check that every CSV row
     * fits the columns before anything is sent.
     */
    long countRecords() throws IOException {
        long count = 0;
        try (EventFileReader reader = open()) {
            while (reader.next() != null) {
                count++;
            }
        }
        return count;
    }
}
