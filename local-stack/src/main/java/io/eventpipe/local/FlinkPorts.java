package io.eventpipe.local;

/**
 * The fixed ports of a local Flink cluster; everything else (blob server, TaskManager RPC and data)
 * takes a random free port.
 *
 * @param rest the REST API and web UI
 * @param rpc the JobManager's RPC endpoint
 * @param jobManagerPrometheus where the JobManager's Prometheus reporter listens
 * @param taskManagerPrometheus where the TaskManager's reporter (the job's metrics) listens
 */
public record FlinkPorts(int rest, int rpc, int jobManagerPrometheus, int taskManagerPrometheus) {

    /** The ports {@code ./pipeline} uses: Flink's own defaults. */
    public static FlinkPorts defaults() {
        return new FlinkPorts(8081, 6123, 9249, 9250);
    }

    /** Ports free at this moment, for tests that run beside a running {@code ./pipeline}. */
    public static FlinkPorts free() {
        return new FlinkPorts(
                Ports.freePort(), Ports.freePort(), Ports.freePort(), Ports.freePort());
    }
}
