package io.eventpipe.job.config;

import com.fasterxml.jackson.core.JsonPointer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.apache.flink.runtime.jobgraph.tasks.CheckpointCoordinatorConfiguration;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.kafka.common.utils.Utils;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Range checks of the options that picocli's type conversion cannot express, so that a value Flink,
 * Kafka or Cassandra would refuse later stops start-up with a message naming the option.
 */
final class OptionChecks {

    private final CommandLine commandLine;

    OptionChecks(CommandLine commandLine) {
        this.commandLine = commandLine;
    }

    void check(JobCommandLine options, Map<String, String> environment) {
        checkKafka(options);
        checkPointer("--type-field", options.typeField, false);
        checkPointer("--user-field", options.userField, false);
        checkPointer("--time-field", options.timeField, false);
        checkPointer("--key-field", options.keyField, true);
        checkPointer("--id-field", options.idField, true);
        checkAtLeast("--max-event-bytes", options.maxEventBytes, 1);
        checkNotNegative("--max-out-of-orderness", options.maxOutOfOrderness);
        checkPositive("--idle-timeout", options.idleTimeout);
        checkPositive("--window-size", options.windowSize);
        checkNotNegative("--allowed-lateness", options.allowedLateness);
        checkPositive("--provisional-interval", options.provisionalInterval);
        checkRange("--top-k", options.topK, 1, WindowOptions.MAX_TOP_K);
        checkRuntime(options);
        new CassandraOptionChecks(this).check(options, environment);
    }

    private void checkKafka(JobCommandLine options) {
        checkNotBlank("--bootstrap-servers", options.bootstrapServers);
        // Kafka's own parser of bootstrap addresses, which its clients would fail on later.
        if (Arrays.stream(options.bootstrapServers.split(","))
                .map(String::strip)
                .filter(address -> !address.isEmpty())
                .anyMatch(
                        address ->
                                Utils.getHost(address) == null || Utils.getPort(address) == null)) {
            throw invalid(
                    "--bootstrap-servers",
                    options.bootstrapServers,
                    "host:port pairs, comma separated, such as localhost:9092");
        }
        checkNotBlank("--topic", options.topic);
        checkNotBlank("--group-id", options.groupId);
        checkNotBlank("--dlq-topic", options.deadLetterTopic);
        // Dead letters written back into the events topic would be read, rejected and written
        // again, forever.
        if (options.deadLetterTopic.equals(options.topic)) {
            throw invalid("--dlq-topic", options.deadLetterTopic, "a topic other than --topic");
        }
        checkPositive("--partition-discovery-interval", options.partitionDiscoveryInterval);
    }

    private void checkRuntime(JobCommandLine options) {
        // Flink refuses shorter intervals when the job is built.
        long minimumMillis = CheckpointCoordinatorConfiguration.MINIMAL_CHECKPOINT_TIME;
        if (options.checkpointInterval.toMillis() < minimumMillis) {
            throw invalid(
                    "--checkpoint-interval",
                    options.checkpointInterval,
                    "a duration of at least " + minimumMillis + "ms, Flink's minimum");
        }
        checkRange(
                "--max-parallelism",
                options.maxParallelism,
                1,
                KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM);
        if (options.parallelism != null) {
            checkAtLeast("--parallelism", options.parallelism, 1);
            if (options.parallelism > options.maxParallelism) {
                throw invalid(
                        "--parallelism",
                        options.parallelism,
                        "at most --max-parallelism (" + options.maxParallelism + ")");
            }
        }
    }

    private void checkPointer(String option, String pointer, boolean emptyAllowed) {
        if (emptyAllowed && pointer.isEmpty()) {
            return;
        }
        try {
            if (!pointer.startsWith("/")) {
                throw new IllegalArgumentException("no leading slash");
            }
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException malformed) {
            String accepted = "a JSON Pointer such as /user_id or /user/id";
            throw invalid(
                    option, pointer, emptyAllowed ? accepted + ", or empty for none" : accepted);
        }
    }

    void checkNotBlank(String option, String value) {
        if (value.isBlank()) {
            throw invalid(option, value, "a non-empty value");
        }
    }

    void checkAtLeast(String option, int value, int minimum) {
        if (value < minimum) {
            throw invalid(option, value, "an integer of at least " + minimum);
        }
    }

    void checkRange(String option, int value, int minimum, int maximum) {
        if (value < minimum || value > maximum) {
            throw invalid(option, value, "an integer from " + minimum + " to " + maximum);
        }
    }

    void checkPositive(String option, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw invalid(option, value, "a duration above zero, such as 500ms, 5s, 1min");
        }
    }

    private void checkNotNegative(String option, Duration value) {
        if (value.isNegative()) {
            throw invalid(option, value, "a duration of zero or more, such as 0s, 5s, 1min");
        }
    }

    ParameterException invalid(String option, Object value, String accepted) {
        return new ParameterException(
                commandLine,
                "Invalid value for option '"
                        + option
                        + "': expected "
                        + accepted
                        + " but was '"
                        + value
                        + "'");
    }
}
