package io.eventpipe.job.config;

import com.fasterxml.jackson.core.JsonPointer;
import io.eventpipe.job.sink.CassandraSinkConfig;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Range checks of the options that picocli's type conversion cannot express. */
final class OptionChecks {

    private final CommandLine commandLine;

    OptionChecks(CommandLine commandLine) {
        this.commandLine = commandLine;
    }

    void check(JobCommandLine options) {
        checkNotBlank("--bootstrap-servers", options.bootstrapServers);
        checkNotBlank("--topic", options.topic);
        checkNotBlank("--group-id", options.groupId);
        checkNotBlank("--dlq-topic", options.deadLetterTopic);
        // Dead letters written back into the events topic would be read, rejected and written
        // again, forever.
        if (options.deadLetterTopic.equals(options.topic)) {
            throw invalid("--dlq-topic", options.deadLetterTopic, "a topic other than --topic");
        }
        checkPositive("--partition-discovery-interval", options.partitionDiscoveryInterval);
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
        checkAtLeast("--top-k", options.topK, 1);
        checkPositive("--checkpoint-interval", options.checkpointInterval);
        checkRuntime(options);
        checkCassandra(options);
    }

    private void checkRuntime(JobCommandLine options) {
        checkAtLeast("--max-parallelism", options.maxParallelism, 1);
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

    private void checkCassandra(JobCommandLine options) {
        if (options.cassandraHosts.stream().anyMatch(String::isBlank)) {
            throw invalid(
                    "--cassandra-hosts", options.cassandraHosts, "host names, comma separated");
        }
        if (options.cassandraPort < 1 || options.cassandraPort > 65535) {
            throw invalid("--cassandra-port", options.cassandraPort, "a port from 1 to 65535");
        }
        checkNotBlank("--cassandra-datacenter", options.cassandraDatacenter);
        if (!CassandraSinkConfig.KEYSPACE_NAME.matcher(options.keyspace).matches()) {
            throw invalid(
                    "--keyspace",
                    options.keyspace,
                    "a letter then up to 47 letters, digits or underscores");
        }
        checkNotBlank("--replication", options.replication);
        checkAtLeast("--sink-max-batch-rows", options.sinkMaxBatchRows, 1);
        checkPositive("--sink-flush-interval", options.sinkFlushInterval);
        checkAtLeast("--sink-max-in-flight", options.sinkMaxInFlight, 1);
        checkAtLeast("--sink-max-retries", options.sinkMaxRetries, 0);
        if (!CassandraSinkConfig.WRITE_CONSISTENCY_LEVELS.contains(options.sinkConsistency)) {
            throw invalid(
                    "--sink-consistency",
                    options.sinkConsistency,
                    "one of " + CassandraSinkConfig.WRITE_CONSISTENCY_LEVELS);
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

    private void checkNotBlank(String option, String value) {
        if (value.isBlank()) {
            throw invalid(option, value, "a non-empty value");
        }
    }

    private void checkAtLeast(String option, int value, int minimum) {
        if (value < minimum) {
            throw invalid(option, value, "an integer of at least " + minimum);
        }
    }

    private void checkPositive(String option, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw invalid(option, value, "a duration above zero, such as 500ms, 5s, 1min");
        }
    }

    private void checkNotNegative(String option, Duration value) {
        if (value.isNegative()) {
            throw invalid(option, value, "a duration of zero or more, such as 0s, 5s, 1min");
        }
    }

    private ParameterException invalid(String option, Object value, String accepted) {
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
