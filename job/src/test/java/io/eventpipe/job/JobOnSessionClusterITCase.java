package io.eventpipe.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventpipe.job.testing.DeadLetterTopics;
import io.eventpipe.job.testing.GeneratedEvents;
import io.eventpipe.job.testing.GeneratedEvents.Produced;
import io.eventpipe.job.testing.KafkaTestClient;
import io.eventpipe.job.testing.PrometheusMetrics;
import io.eventpipe.local.CassandraServer;
import io.eventpipe.local.FlinkCluster;
import io.eventpipe.local.FlinkRestClient;
import io.eventpipe.local.KafkaServer;
import io.eventpipe.local.junit.LocalServersExtension;
import io.eventpipe.local.junit.TestNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shaded job jar, as built by {@code package}, submitted through the REST API of a real Flink
 * session cluster: it must run at the requested parallelism and its metrics must reach the
 * TaskManager's Prometheus endpoint, among them every Flink metric the Grafana dashboard queries.
 */
@ExtendWith(LocalServersExtension.class)
class JobOnSessionClusterITCase {

    private static final String EVENTS_IN = "flink_taskmanager_job_task_operator_events_in_total";
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Path DASHBOARD = Path.of("../deploy/grafana/dashboards/eventpipe.json");

    @Test
    void shadedJarRunsAtParallelismTwoAndExportsItsMetrics(
            FlinkCluster flink, KafkaServer kafka, CassandraServer cassandra) throws Exception {
        String topic = TestNames.uniqueTopic("events");
        kafka.createTopic(topic, 4);
        String deadLetterTopic = TestNames.uniqueTopic("events-dlq");
        DeadLetterTopics.create(kafka, deadLetterTopic);
        List<String> args =
                List.of(
                        "--bootstrap-servers", kafka.bootstrapServers(),
                        "--topic", topic,
                        "--group-id", topic + "-job",
                        "--dlq-topic", deadLetterTopic,
                        "--cassandra-hosts", cassandra.host(),
                        "--cassandra-port", Integer.toString(cassandra.cqlPort()),
                        "--keyspace", TestNames.uniqueKeyspace("job_session"));
        List<Produced> events =
                new GeneratedEvents(5).valid(200, 1_764_772_800_000L, 60_000, 0, 0).records();
        // One malformed record, so that the dead-letter counter has a reason series to show.
        List<byte[]> records =
                Stream.concat(
                                events.stream().map(Produced::value),
                                Stream.of("not json".getBytes(StandardCharsets.UTF_8)))
                        .toList();

        try (FlinkRestClient rest = new FlinkRestClient(flink.restUrl())) {
            String jarId = rest.uploadJar(shadedJar());
            String jobId = rest.runJar(jarId, EventAnalyticsJob.class.getName(), 2, args);
            try {
                await().atMost(PATIENCE)
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> isRunningEverywhere(rest.job(jobId)));
                assertThat(rest.job(jobId).path("vertices"))
                        .allSatisfy(
                                vertex ->
                                        assertThat(vertex.path("parallelism").asInt())
                                                .isEqualTo(2));

                new KafkaTestClient(kafka.bootstrapServers()).produceRoundRobin(topic, 4, records);
                await().atMost(PATIENCE)
                        .pollInterval(Duration.ofSeconds(2))
                        .untilAsserted(
                                () -> assertThat(eventsIn(flink, jobId)).isEqualTo(records.size()));
                Set<String> dashboardMetrics = dashboardFlinkMetrics();
                assertThat(dashboardMetrics).hasSizeGreaterThan(10);
                await().atMost(PATIENCE)
                        .pollInterval(Duration.ofSeconds(2))
                        .untilAsserted(
                                () ->
                                        assertThat(exportedFlinkMetrics(flink))
                                                .containsAll(dashboardMetrics));
            } finally {
                rest.cancel(jobId);
            }
        }
    }

    /** Sum over the parse operator's subtasks; one sample per subtask. */
    private static double eventsIn(FlinkCluster flink, String jobId) throws Exception {
        var samples =
                PrometheusMetrics.scrape(flink.taskManagerPrometheusPort())
                        .samples(EVENTS_IN, "job_id", jobId);
        assertThat(samples).as("samples of %s", EVENTS_IN).hasSize(2);
        return samples.stream().mapToDouble(PrometheusMetrics::value).sum();
    }

    /** The Flink metric names that the queries of the Grafana dashboard use. */
    private static Set<String> dashboardFlinkMetrics() throws IOException {
        String dashboard = Files.readString(DASHBOARD);
        return Pattern.compile("flink_[A-Za-z0-9_]+")
                .matcher(dashboard)
                .results()
                .map(MatchResult::group)
                .collect(Collectors.toSet());
    }

    /** Every metric family that the JobManager's and the TaskManager's reporters export now. */
    private static Set<String> exportedFlinkMetrics(FlinkCluster flink) throws Exception {
        Set<String> names = new HashSet<>();
        names.addAll(PrometheusMetrics.scrape(flink.ports().jobManagerPrometheus()).names());
        names.addAll(PrometheusMetrics.scrape(flink.taskManagerPrometheusPort()).names());
        return names;
    }

    private static boolean isRunningEverywhere(JsonNode job) {
        JsonNode vertices = job.path("vertices");
        boolean allRunning = true;
        for (JsonNode vertex : vertices) {
            allRunning &= "RUNNING".equals(vertex.path("status").asText());
        }
        return "RUNNING".equals(job.path("state").asText()) && vertices.size() > 0 && allRunning;
    }

    /** The jar the shade plugin wrote in {@code package}, which runs before failsafe. */
    private static Path shadedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars =
                    files.filter(path -> path.getFileName().toString().matches("job-.*\\.jar"))
                            .filter(path -> !path.getFileName().toString().contains("-tests"))
                            .toList();
            assertThat(jars).as("shaded job jar in target/").hasSize(1);
            return jars.get(0);
        }
    }
}
