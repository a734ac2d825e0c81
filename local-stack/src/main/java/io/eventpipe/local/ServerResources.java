package io.eventpipe.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the files kept for each server under {@code servers/<name>/} on this module's classpath:
 * its pom, its JVM flags and its logging configuration.
 */
final class ServerResources {

    private ServerResources() {}

    /** The bytes of {@code servers/<server>/<file>}; fails when the build lost the file. */
    static byte[] read(String server, String file) {
        String name = "servers/" + server + "/" + file;
        try (InputStream in = ServerResources.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read resource " + name, e);
        }
    }

    /** The JVM flags of {@code servers/<server>/jvm.options}, without comments and blank lines. */
    static List<String> jvmOptions(String server) {
        String text = new String(read(server, "jvm.options"), StandardCharsets.UTF_8);
        return text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /** Copies {@code servers/<server>/<file>} to {@code target} and returns the target. */
    static Path copy(String server, String file, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, read(server, file));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }
}
