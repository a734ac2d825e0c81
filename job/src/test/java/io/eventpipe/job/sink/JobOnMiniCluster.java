package io.eventpipe.job.sink;

import io.eventpipe.job.EventAnalyticsJob;
import io.eventpipe.job.config.JobOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.checkpoint.CheckpointStatsCounts;
import org.apache.flink.runtime.checkpoint.CompletedCheckpointStats;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The whole event analytics job (Kafka source to Cassandra sinks) on an in-process Flink
 * MiniCluster with two slots, checkpointing to files under {@code checkpointDir} so a cancelled job
 * can be restarted from its last checkpoint.
 */
final class JobOnMiniCluster implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 60;

    // Short, so that a checkpoint held up by the sink fails visibly within seconds.
    private static final Duration CHECKPOINT_TIMEOUT = Duration.ofSeconds(10);

    private final MiniCluster miniCluster;

    JobOnMiniCluster(Path checkpointDir) throws Exception {
        Configuration config = new Configuration();
        config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir.toUri().toString());
        // Any free port: other tests and a running ./pipeline may hold 8081.
        config.set(RestOptions.BIND_PORT, "0");
        miniCluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(config)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(2)
                                .build());
        miniCluster.start();
    }

    /** Submits the job, resuming from {@code checkpointPath} unless it is null. */
    JobID submit(JobOptions options, String checkpointPath) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(restartQuickly());
        configureCheckpoints(env, options);
        EventAnalyticsJob.addToEnvironment(env, options);
        JobGraph graph = env.getStreamGraph().getJobGraph();
        if (checkpointPath != null) {
            graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(checkpointPath));
        }
        return miniCluster.submitJob(graph).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).getJobID();
    }

    // As the job's own set-up (exactly-once, retained on cancellation), plus a short timeout and
    // no job failure on a failed checkpoint, so a stalled sink shows as failed checkpoints.
    private static void configureCheckpoints(StreamExecutionEnvironment env, JobOptions options) {
        env.enableCheckpointing(options.runtime().checkpointInterval().toMillis());
        env.getCheckpointConfig().setCheckpointTimeout(CHECKPOINT_TIMEOUT.toMillis());
        env.getCheckpointConfig().setTolerableCheckpointFailureNumber(Integer.MAX_VALUE);
        env.getCheckpointConfig()
                .setExternalizedCheckpointRetention(
                        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        env.setParallelism(2);
    }

    private static Configuration restartQuickly() {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, Integer.MAX_VALUE);
        config.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
        return config;
    }

    CheckpointStatsCounts checkpointCounts(JobID job) throws Exception {
        return miniCluster
                .getExecutionGraph(job)
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .getCheckpointStatsSnapshot()
                .getCounts();
    }

    /** Where the latest completed checkpoint of {@code job} is stored. */
    String latestCheckpointPath(JobID job) throws Exception {
        CompletedCheckpointStats latest =
                miniCluster
                        .getArchivedExecutionGraph(job)
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .getCheckpointStatsSnapshot()
                        .getHistory()
                        .getLatestCompletedCheckpoint();
        if (latest == null) {
            throw new AssertionError("Job " + job + " completed no checkpoint");
        }
        return latest.getExternalPath();
    }

    JobStatus status(JobID job) throws Exception {
        return miniCluster.getJobStatus(job).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    void cancel(JobID job) throws Exception {
        miniCluster.cancelJob(job).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        miniCluster.close();
    }
}
