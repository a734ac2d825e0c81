package io.eventpipe.job;

import io.eventpipe.job.config.JobOptions;
import io.eventpipe.job.config.RuntimeOptions;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Checkpointing, restarts and parallelism of the job.
 *
 * <p>Checkpoints are exactly-once and retained on cancellation, so a cancelled job can be resumed
 * from its last one. Restarts back off exponentially (1 s doubling to 2 min, reset after 10 min of
 * health) and never give up: a Cassandra or Kafka outage delays results rather than ending the job.
 * The maximum parallelism is fixed because it is baked into keyed state.
 */
final class JobEnvironment {

    private JobEnvironment() {}

    static void configure(StreamExecutionEnvironment env, JobOptions options) {
        RuntimeOptions runtime = options.runtime();
        env.enableCheckpointing(runtime.checkpointInterval().toMillis());
        env.getCheckpointConfig().setCheckpointingConsistencyMode(CheckpointingMode.EXACTLY_ONCE);
        env.getCheckpointConfig()
                .setExternalizedCheckpointRetention(
                        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        env.configure(restartStrategy());
        env.setMaxParallelism(runtime.maxParallelism());
        if (runtime.parallelism() != null) {
            env.setParallelism(runtime.parallelism());
        }
    }

    private static Configuration restartStrategy() {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        config.set(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
                Duration.ofSeconds(1));
        config.set(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF,
                Duration.ofMinutes(2));
        config.set(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER, 2.0);
        config.set(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD,
                Duration.ofMinutes(10));
        return config;
    }
}
