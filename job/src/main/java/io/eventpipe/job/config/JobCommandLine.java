package io.eventpipe.job.config;

import static io.eventpipe.job.sink.CassandraSinkConfig.PASSWORD_ENV;
import static io.eventpipe.job.sink.CassandraSinkConfig.USERNAME_ENV;

import io.eventpipe.job.records.FieldMapping;
import io.eventpipe.job.sink.CassandraSinkConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The job's command line: {@code --key value} options read by picocli into {@link JobOptions}.
 *
 * <p>Every option has a default that runs against the local stack. A value that cannot be read, or
 * is out of range, stops start-up with a {@link CommandLine.ParameterException} naming the option
 * and what it accepts. Cassandra credentials come from the options or else from the {@code
 * CASSANDRA_USERNAME} and {@code CASSANDRA_PASSWORD} environment variables.
 */
@Command(
        name = "event-analytics-job",
        showDefaultValues = true,
        sortOptions = false,
        description = "Aggregates JSON events from Kafka into windowed analytics in Cassandra.")
public final class JobCommandLine {

    /**
     * The option that only checks the others: they are parsed and validated, the effective
     * configuration is printed, and nothing is connected to or started.
     */
    public static final String CHECK_OPTIONS = "--check-options";

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Print this help and exit.")
    boolean helpRequested;

    @Option(
            names = CHECK_OPTIONS,
            description =
                    "Parse and validate every option, print the effective configuration and exit;"
                            + " connects to nothing.")
    boolean checkRequested;

    @Option(
            names = "--bootstrap-servers",
            defaultValue = "localhost:9092",
            description = "Kafka bootstrap servers.")
    String bootstrapServers;

    @Option(names = "--topic", defaultValue = "events", description = "Topic of the events.")
    String topic;

    @Option(
            names = "--group-id",
            defaultValue = "eventpipe-job",
            description = "Consumer group; its committed offsets are where a new run starts.")
    String groupId;

    @Option(
            names = "--dlq-topic",
            defaultValue = "events-dlq",
            description = "Topic of the dead letters (invalid and late events).")
    String deadLetterTopic;

    @Option(
            names = "--partition-discovery-interval",
            defaultValue = "1min",
            converter = DurationConverter.class,
            description = "How often new partitions of the topic are looked for.")
    Duration partitionDiscoveryInterval;

    @Option(
            names = "--bounded",
            defaultValue = "false",
            description = "Stop at the offsets latest at start-up instead of running forever.")
    boolean bounded;

    @Option(
            names = "--type-field",
            defaultValue = "/type",
            description = "JSON Pointer to the event type.")
    String typeField;

    @Option(
            names = "--user-field",
            defaultValue = "/user_id",
            description = "JSON Pointer to the user id.")
    String userField;

    @Option(
            names = "--time-field",
            defaultValue = "/ts",
            description = "JSON Pointer to the event time.")
    String timeField;

    @Option(
            names = "--time-format",
            defaultValue = "epoch-millis",
            converter = TimeFormatConverter.class,
            description = "epoch-millis, epoch-seconds or iso-8601.")
    TimeFormat timeFormat;

    @Option(
            names = "--key-field",
            defaultValue = "/page",
            description = "JSON Pointer to the key counted for the top keys; empty for none.")
    String keyField;

    @Option(
            names = "--id-field",
            defaultValue = "/event_id",
            description = "JSON Pointer to the event id; empty for none.")
    String idField;

    @Option(
            names = "--max-event-bytes",
            defaultValue = "1048576",
            description = "Larger records are dead-lettered unparsed.")
    int maxEventBytes;

    @Option(
            names = "--max-out-of-orderness",
            defaultValue = "5s",
            converter = DurationConverter.class,
            description = "How far behind the newest event an event may be and still be on time.")
    Duration maxOutOfOrderness;

    @Option(
            names = "--idle-timeout",
            defaultValue = "30s",
            converter = DurationConverter.class,
            description = "A partition silent this long stops holding back the watermark.")
    Duration idleTimeout;

    @Option(
            names = "--window-size",
            defaultValue = "1min",
            converter = DurationConverter.class,
            description = "Length of the tumbling event-time windows.")
    Duration windowSize;

    @Option(
            names = "--allowed-lateness",
            defaultValue = "0s",
            converter = DurationConverter.class,
            description = "How long after its end a window still takes late events.")
    Duration allowedLateness;

    @Option(
            names = "--provisional-interval",
            defaultValue = "5s",
            converter = DurationConverter.class,
            description = "How often an open window with new events writes a provisional row.")
    Duration provisionalInterval;

    @Option(
            names = "--top-k",
            defaultValue = "10",
            description =
                    "How many most frequent keys each window keeps, 1 to "
                            + WindowOptions.MAX_TOP_K
                            + ".")
    int topK;

    @Option(
            names = "--checkpoint-interval",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description =
                    "Checkpoint interval, at least 10ms; rows and offsets are committed per"
                            + " checkpoint.")
    Duration checkpointInterval;

    @Option(
            names = "--parallelism",
            description = "Parallelism of the job (default: flink run -p, else the cluster's).")
    Integer parallelism;

    @Option(
            names = "--max-parallelism",
            defaultValue = "128",
            description = "Upper bound of any later rescaling; fixed once state exists.")
    int maxParallelism;

    @Option(
            names = "--cassandra-hosts",
            defaultValue = "127.0.0.1",
            split = ",",
            description = "Cassandra contact points, comma separated.")
    List<String> cassandraHosts;

    @Option(names = "--cassandra-port", defaultValue = "9042", description = "CQL port.")
    int cassandraPort;

    @Option(
            names = "--cassandra-datacenter",
            defaultValue = "datacenter1",
            description = "The local datacenter of the Cassandra driver.")
    String cassandraDatacenter;

    @Option(
            names = "--keyspace",
            defaultValue = "analytics",
            description =
                    "Keyspace of the tables, created when missing: a letter then up to 47"
                            + " letters, digits or underscores, not a CQL reserved word.")
    String keyspace;

    @Option(
            names = "--replication",
            defaultValue = "{'class': 'SimpleStrategy', 'replication_factor': 1}",
            description =
                    "Replication of the keyspace when the job creates it: a CQL map, {'class':"
                            + " 'SimpleStrategy', 'replication_factor': <n>} or {'class':"
                            + " 'NetworkTopologyStrategy', '<datacenter>': <n>, ...}.")
    String replication;

    @Option(
            names = "--cassandra-username",
            description = "Cassandra user (default: env CASSANDRA_USERNAME, else none).")
    String cassandraUsername;

    @Option(
            names = "--cassandra-password",
            description = "Cassandra password (default: env CASSANDRA_PASSWORD, else none).")
    String cassandraPassword;

    @Option(
            names = "--sink-max-batch-rows",
            defaultValue = "100",
            description = "Most rows in one Cassandra write batch.")
    int sinkMaxBatchRows;

    @Option(
            names = "--sink-flush-interval",
            defaultValue = "1s",
            converter = DurationConverter.class,
            description = "Longest time a row waits in the sink's buffer.")
    Duration sinkFlushInterval;

    @Option(
            names = "--sink-max-in-flight",
            defaultValue = "4",
            description = "Most Cassandra write batches in flight per sink subtask.")
    int sinkMaxInFlight;

    @Option(
            names = "--sink-max-retries",
            defaultValue = "10",
            description = "Retries of a failed write before the job fails and restarts.")
    int sinkMaxRetries;

    @Option(
            names = "--sink-consistency",
            defaultValue = "LOCAL_QUORUM",
            description = "Consistency level of the writes.")
    String sinkConsistency;

    /**
     * Reads {@code args}; returns null when help or a {@value #CHECK_OPTIONS} was asked for (and
     * its answer printed). Nothing here touches the network: topics and the schema are checked when
     * the job starts.
     *
     * @throws CommandLine.ParameterException naming the bad option and what it accepts
     */
    public static JobOptions parse(String[] args, Map<String, String> environment) {
        JobCommandLine command = new JobCommandLine();
        CommandLine commandLine = new CommandLine(command);
        commandLine.parseArgs(args);
        if (commandLine.isUsageHelpRequested()) {
            commandLine.usage(System.out);
            return null;
        }
        new OptionChecks(commandLine).check(command, environment);
        JobOptions options = command.toOptions(environment);
        if (command.checkRequested) {
            System.out.println("The job options are valid. Effective configuration: " + options);
            return null;
        }
        return options;
    }

    /**
     * Whether {@code args} ask for {@value #CHECK_OPTIONS}, answered even when other arguments
     * cannot be parsed, so that a checking caller gets a one-line error rather than a stack trace.
     */
    public static boolean isCheckRequested(String[] args) {
        return Arrays.asList(args).contains(CHECK_OPTIONS);
    }

    private JobOptions toOptions(Map<String, String> environment) {
        return new JobOptions(
                new KafkaOptions(
                        bootstrapServers,
                        topic,
                        groupId,
                        deadLetterTopic,
                        partitionDiscoveryInterval,
                        bounded),
                new FieldMapping(
                        typeField,
                        userField,
                        timeField,
                        emptyToNull(keyField),
                        emptyToNull(idField),
                        timeFormat,
                        maxEventBytes),
                new WindowOptions(
                        maxOutOfOrderness,
                        idleTimeout,
                        windowSize,
                        allowedLateness,
                        provisionalInterval,
                        topK),
                cassandraOptions(environment),
                new RuntimeOptions(checkpointInterval, parallelism, maxParallelism));
    }

    private CassandraOptions cassandraOptions(Map<String, String> environment) {
        CassandraSinkConfig sink =
                CassandraSinkConfig.builder()
                        .contactPoints(cassandraHosts)
                        .port(cassandraPort)
                        .localDatacenter(cassandraDatacenter)
                        .keyspace(keyspace)
                        .username(username(environment))
                        .password(password(environment))
                        .maxBatchRows(sinkMaxBatchRows)
                        .flushInterval(sinkFlushInterval)
                        .maxInFlightRequests(sinkMaxInFlight)
                        .maxRetries(sinkMaxRetries)
                        .consistencyLevel(sinkConsistency)
                        .build();
        return new CassandraOptions(sink, ReplicationMap.canonical(replication));
    }

    /** The user name from the option, else from the environment; null for none. */
    String username(Map<String, String> environment) {
        return orElse(cassandraUsername, environment.get(USERNAME_ENV));
    }

    /** The password from the option, else from the environment; null for none. */
    String password(Map<String, String> environment) {
        return orElse(cassandraPassword, environment.get(PASSWORD_ENV));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : emptyToNull(fallback);
    }
}
