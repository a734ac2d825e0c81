package io.eventpipe.job.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.clusterframework.types.ResourceID;
import org.apache.flink.runtime.executiongraph.ExecutionAttemptID;
import org.apache.flink.runtime.metrics.groups.AbstractMetricGroup;
import org.apache.flink.runtime.metrics.groups.TaskManagerMetricGroup;
import org.apache.flink.runtime.metrics.groups.TaskMetricGroup;
import org.apache.flink.runtime.metrics.util.TestingMetricRegistry;

/**
 * A real task metric group for operator test harnesses that records every metric registered in it
 * or its subgroups under the name Flink's Prometheus reporter would export it as.
 *
 * <p>Names are built as the reporter builds them (prefix {@code flink_}, the logical scope joined
 * by {@code _}, the metric name), without its character filter, which the job's names never need.
 */
public final class RecordedMetrics {

    /** One registration: the exported name, the group's labels ({@code <key>} to value). */
    private record Registration(String name, Map<String, String> variables, Metric metric) {}

    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final TaskMetricGroup taskGroup;

    public RecordedMetrics() {
        TestingMetricRegistry registry =
                TestingMetricRegistry.builder().setRegisterConsumer(this::record).build();
        taskGroup =
                TaskManagerMetricGroup.createTaskManagerMetricGroup(
                                registry, "localhost", ResourceID.generate())
                        .addJob(new JobID(), "job")
                        .addTask(ExecutionAttemptID.randomId(), "task");
    }

    /** The group to give the harness's environment. */
    public TaskMetricGroup taskMetricGroup() {
        return taskGroup;
    }

    /** The metric exported under this name with this label, if one was registered. */
    public Optional<Metric> find(String exportedName, String label, String labelValue) {
        return registrations.stream()
                .filter(r -> r.name().equals(exportedName))
                .filter(r -> labelValue.equals(r.variables().get("<" + label + ">")))
                .map(Registration::metric)
                .findFirst();
    }

    /** How many metrics are exported under this name, whatever their labels. */
    public long count(String exportedName) {
        return registrations.stream().filter(r -> r.name().equals(exportedName)).count();
    }

    private void record(Metric metric, String name, AbstractMetricGroup<?> group) {
        String exported = "flink_" + group.getLogicalScope(text -> text, '_') + "_" + name;
        registrations.add(new Registration(exported, group.getAllVariables(), metric));
    }
}
