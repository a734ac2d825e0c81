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
}
