package io.eventpipe.local.cli;

import java.io.Closeable;
import java.io.IOException;

/** Reads the records of a replay file one at a time, in file order. */
interface EventFileReader extends Closeable {

    /**
     * The next record, or null at the end of the file.
     *
     * @throws BadInputException when the file breaks its format, naming the line
     */
    FileRecord next() throws IOException;
}
