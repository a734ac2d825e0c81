package io.eventpipe.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventpipe.local.FlinkCluster;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

/** The jobs a Flink cluster knows, read from its REST API ({@code GET /jobs/overview}). */
final class FlinkJobs {

    private static final Set<String> TERMINAL = Set.of("FINISHED", "CANCELED", "FAILED");

    /** One job: its id, name and state such as RUNNING. */
    record Job(String id, String name, String state) {
        boolean isActive() {
            return !TERMINAL.contains(state);
        }
    }

    private FlinkJobs() {}

    static List<Job> list(FlinkCluster flink) throws Exception {
        JsonNode jobs = flink.getJson("/jobs/overview").path("jobs");
        return StreamSupport.stream(jobs.spliterator(), false)
                .map(
                        job ->
                                new Job(
                                        job.path("jid").asText(),
                                        job.path("name").asText(),
                                        job.path("state").asText()))
                .toList();
    }

    static List<Job> active(FlinkCluster flink) throws Exception {
        return list(flink).stream().filter(Job::isActive).toList();
    }

    /**
     * One line for a person: name, id, state, parallelism (the largest of its operators') and the
     * job's page in the web UI.
     */
    static String describe(FlinkCluster flink, Job job) throws Exception {
        JsonNode vertices = flink.getJson("/jobs/" + job.id()).path("vertices");
        int parallelism =
                StreamSupport.stream(vertices.spliterator(), false)
                        .mapToInt(vertex -> vertex.path("parallelism").asInt())
                        .max()
                        .orElse(0);
        return String.format(
                "%s (id %s, %s%s), %s/#/job/running/%s/overview",
                job.name(),
                job.id(),
                job.state(),
                parallelism > 0 ? ", parallelism " + parallelism : "",
                flink.restUrl(),
                job.id());
    }
}
