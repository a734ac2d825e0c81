package io.eventpipe.local;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/** Submits a job jar to a Flink cluster through its REST API, as the web UI does. */
final class FlinkRestSubmitter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FlinkCluster flink;

    FlinkRestSubmitter(FlinkCluster flink) {
        this.flink = flink;
    }

    /** Writes a jar holding one compiled class of the test classpath, as its main class. */
    static Path jarOf(Class<?> mainClass, Path jar) throws IOException {
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

    /** Uploads the jar (POST /jars/upload) and returns Flink's id for it. */
    String upload(Path jar) throws IOException {
        HttpPost post = new HttpPost(flink.restUrl() + "/jars/upload");
        post.setEntity(
                MultipartEntityBuilder.create()
                        .addBinaryBody(
                                "jarfile",
                                jar.toFile(),
                                ContentType.create("application/java-archive"),
                                jar.getFileName().toString())
                        .build());
        String filename = execute(post).path("filename").asText();
        return Path.of(filename).getFileName().toString();
    }

    /** Runs an uploaded jar (POST /jars/:id/run) and returns the job id. */
    String run(String jarId, List<String> programArgs) throws IOException {
        HttpPost post = new HttpPost(flink.restUrl() + "/jars/" + jarId + "/run");
        String body = JSON.writeValueAsString(Map.of("programArgsList", programArgs));
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        return execute(post).path("jobid").asText();
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

    private static JsonNode execute(HttpPost post) throws IOException {
        try (CloseableHttpClient client = HttpClients.createDefault()) {
            return client.execute(
                    post,
                    response -> {
                        String body = EntityUtils.toString(response.getEntity());
                        if (response.getCode() != 200) {
                            throw new IOException(
                                    post.getRequestUri()
                                            + " answered "
                                            + response.getCode()
                                            + ": "
                                            + body);
                        }
                        return JSON.readTree(body);
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
