package io.eventpipe.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPatch;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * The few calls of Flink's REST API that a job submission needs, as the web UI makes them: upload a
 * jar, run it, read a job's state, cancel it. Used by the tests that submit jobs to a {@link
 * FlinkCluster}.
 *
 * <p>Any answer other than 2xx throws an {@link IOException} with Flink's error text.
 */
public final class FlinkRestClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String restUrl;
    private final CloseableHttpClient http;

    public FlinkRestClient(String restUrl) {
        this.restUrl = restUrl;
        RequestConfig timeouts =
                RequestConfig.custom()
                        .setConnectionRequestTimeout(30, TimeUnit.SECONDS)
                        .setResponseTimeout(120, TimeUnit.SECONDS)
                        .build();
        this.http = HttpClients.custom().setDefaultRequestConfig(timeouts).build();
    }

    /** Uploads a jar and returns the id Flink gives it. */
    public String uploadJar(Path jar) throws IOException {
        HttpPost post = new HttpPost(restUrl + "/jars/upload");
        post.setEntity(
                MultipartEntityBuilder.create()
                        .addBinaryBody(
                                "jarfile",
                                jar.toFile(),
                                ContentType.create("application/java-archive"),
                                jar.getFileName().toString())
                        .build());
        return Path.of(call(post).path("filename").asText()).getFileName().toString();
    }

    /** Runs a main class of an uploaded jar with the given parallelism and returns the job id. */
    public String runJar(String jarId, String entryClass, int parallelism, List<String> args)
            throws IOException {
        return runJar(
                jarId,
                Map.of(
                        "entryClass", entryClass,
                        "parallelism", parallelism,
                        "programArgsList", args));
    }

    /**
     * Runs the main class named in an uploaded jar's manifest with the cluster's default
     * parallelism and returns the job id.
     */
    public String runJar(String jarId, List<String> args) throws IOException {
        return runJar(jarId, Map.of("programArgsList", args));
    }

    private String runJar(String jarId, Map<String, Object> body) throws IOException {
        HttpPost post = new HttpPost(restUrl + "/jars/" + jarId + "/run");
        post.setEntity(
                new StringEntity(JSON.writeValueAsString(body), ContentType.APPLICATION_JSON));
        return call(post).path("jobid").asText();
    }

    /** The job's details: its state and each vertex with its parallelism. */
    public JsonNode job(String jobId) throws IOException {
        return call(new HttpGet(restUrl + "/jobs/" + jobId));
    }

    public void cancel(String jobId) throws IOException {
        call(new HttpPatch(restUrl + "/jobs/" + jobId + "?mode=cancel"));
    }

    private JsonNode call(HttpUriRequestBase request) throws IOException {
        return http.execute(
                request,
                response -> {
                    String body =
                            response.getEntity() == null
                                    ? ""
                                    : EntityUtils.toString(response.getEntity());
                    if (response.getCode() / 100 != 2) {
                        throw new IOException(
                                request.getMethod()
                                        + " "
                                        + request.getRequestUri()
                                        + " answered "
                                        + response.getCode()
                                        + ": "
                                        + body);
                    }
                    return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
                });
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
