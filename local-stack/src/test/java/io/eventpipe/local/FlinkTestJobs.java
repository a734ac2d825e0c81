package io.eventpipe.local;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * What the tests of jobs on a cluster need around {@link FlinkRestClient}: a one-class job jar, and
 * a wait for a job's state.
 */
public final class FlinkTestJobs {

    private final FlinkCluster flink;

    FlinkTestJobs(FlinkCluster flink) {
        this.flink = flink;
    }

    /** Writes a jar holding one compiled class of the test classpath, as its main class. */
    public static Path jarOf(Class<?> mainClass, Path jar) throws IOException {
        String entry = mainClass.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(entry));
            try (var in = mainClass.getClassLoader().getResourceAsStream(entry)) {
                in.transferTo(out);
            }
            out.closeEntry();
        }
        return jar;
    }

    /** Waits until the job reaches the state, failing early if it fails instead. */
    JsonNode awaitState(String jobId, String state, Duration timeout) {
        return await().atMost(timeout)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> job(jobId), job -> hasState(job, state));
    }

    private JsonNode job(String jobId) throws Exception {
        return flink.getJson("/jobs/" + jobId);
    }

    private static boolean hasState(JsonNode job, String expected) {
        String state = job.path("state").asText();
        if (state.equals("FAILED") && !expected.equals("FAILED")) {
            throw new AssertionError("The job failed: " + job);
        }
        return state.equals(expected);
    }
}
