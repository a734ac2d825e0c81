package io.eventpipe.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves a server's classpath from Maven Central by running Maven on the server's own pom ({@code
 * servers/<name>/pom.xml}), so the three servers never share one conflicting classpath.
 *
 * <p>The result is cached per user, keyed by the pom's hash, and resolved again when the pom
 * changes or a listed jar has gone from the local repository. Maven must be on the PATH; when it
 * fails, the exception quotes Maven's output file.
 */
public final class ServerClasspath {

    private static final Logger LOG = LoggerFactory.getLogger(ServerClasspath.class);
    private static final long MAVEN_TIMEOUT_MINUTES = 15;

    private ServerClasspath() {}

    /** The directory that holds resolved classpaths; {@code eventpipe.classpath.cache} moves it. */
    public static Path cacheDir() {
        String configured = System.getProperty("eventpipe.classpath.cache");
        return configured != null
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "eventpipe", "classpath");
    }

    /** The classpath of a server, resolving it with Maven when no valid cached copy exists. */
    public static synchronized String resolve(String server) {
        byte[] pom = ServerResources.read(server, "pom.xml");
        Path cached = cacheDir().resolve(server + "-" + sha256(pom) + ".classpath");
        try {
            if (Files.exists(cached)) {
                String classpath = Files.readString(cached, StandardCharsets.UTF_8).strip();
                if (allEntriesExist(classpath)) {
                    return classpath;
                }
            }
            return runMaven(server, pom, cached);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot resolve the classpath of " + server, e);
        }
    }

    private static String runMaven(String server, byte[] pom, Path cached) throws IOException {
        Files.createDirectories(cached.getParent());
        // Per-process names: test JVMs of several modules may resolve the same pom at once.
        String prefix = cached.getFileName() + "." + ProcessHandle.current().pid();
        Path pomFile = cached.resolveSibling(prefix + ".pom.xml");
        Path output = cached.resolveSibling(prefix + ".tmp");
        Path mavenLog = cached.resolveSibling(prefix + ".mvn.log");
        Files.write(pomFile, pom);
        LOG.info("Resolving the {} classpath with Maven (first run only)", server);
        List<String> command =
                List.of(
                        "mvn",
                        "-q",
                        "-B",
                        "-f",
                        pomFile.toString(),
                        "dependency:build-classpath",
                        "-Dmdep.outputFile=" + output);
        Process maven =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(mavenLog.toFile())
                        .start();
        if (!waitFor(maven) || maven.exitValue() != 0 || !Files.exists(output)) {
            throw new IllegalStateException(
                    "Maven could not resolve the " + server + " classpath; see " + mavenLog);
        }
        Files.move(output, cached, StandardCopyOption.REPLACE_EXISTING);
        return Files.readString(cached, StandardCharsets.UTF_8).strip();
    }

    private static boolean waitFor(Process maven) {
        try {
            if (maven.waitFor(MAVEN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        maven.destroyForcibly();
        return false;
    }

    private static boolean allEntriesExist(String classpath) {
        return !classpath.isEmpty()
                && Arrays.stream(classpath.split(File.pathSeparator))
                        .allMatch(entry -> Files.exists(Path.of(entry)));
    }

    private static String sha256(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }
}
