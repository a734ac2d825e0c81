package io.eventpipe.job.sink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the job's own UTF-8 text resources, which a built jar always contains. */
final class ClasspathText {

    private ClasspathText() {}

    /**
     * The text of {@code resource}, an absolute classpath path.
     *
     * @throws IllegalStateException when the resource is missing, as in a broken build
     */
    static String read(String resource) {
        try (InputStream in = ClasspathText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the job jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
