package io.eventpipe.job;

import io.eventpipe.job.config.JobCommandLine;
import io.eventpipe.job.config.JobOptions;
import io.eventpipe.job.config.KafkaOptions;
import io.eventpipe.job.records.RawEvent;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The event analytics job: reads JSON events from Kafka, aggregates them per event type in tumbling
 * event-time windows, and upserts window rows and all-time totals into Cassandra; records it cannot
 * aggregate go to a dead-letter topic.
 *
 * <p>Run it with {@code flink run [-p N] job.jar [--key value]...}. Options and defaults:
 *
 * <ul>
 *   <li>{@code --bootstrap-servers} localhost:9092: Kafka bootstrap servers.
 *   <li>{@code --topic} events: topic of the events.
 *   <li>{@code --group-id} eventpipe-job: consumer group; a new run starts at its committed
 *       offsets, or at the earliest offsets for a new group.
 *   <li>{@code --dlq-topic} events-dlq: topic of dead letters (invalid and late events); its {@code
 *       max.message.bytes} must be at least 4096 above that of {@code --topic}, or the job does not
 *       start.
 *   <li>{@code --partition-discovery-interval} 1min: how often new partitions are looked for.
 *   <li>{@code --bounded} false: stop at the offsets latest at start-up (a backfill).
 *   <li>{@code --type-field} /type, {@code --user-field} /user_id, {@code --time-field} /ts: JSON
 *       Pointers to the event type, user id and event time.
 *   <li>{@code --time-format} epoch-millis: or epoch-seconds or iso-8601.
 *   <li>{@code --key-field} /page: JSON Pointer to the key counted for the top keys; empty for
 *       none.
 *   <li>{@code --id-field} /event_id: JSON Pointer to the event id; empty for none.
 *   <li>{@code --max-event-bytes} 1048576: larger records are dead-lettered unparsed.
 *   <li>{@code --max-out-of-orderness} 5s: how far behind the newest event an event may be.
 *   <li>{@code --idle-timeout} 30s: a partition silent this long stops holding back the watermark.
 *   <li>{@code --window-size} 1min: length of the tumbling windows.
 *   <li>{@code --allowed-lateness} 0s: how long after its end a window still takes late events.
 *   <li>{@code --provisional-interval} 5s: how often an open window with new events writes a
 *       provisional row.
 *   <li>{@code --top-k} 10: how many most frequent keys each window keeps, 1 to 256 (a row of 256
 *       keys of the longest kind stays under the sink's 1 MiB row limit).
 *   <li>{@code --checkpoint-interval} 10s: rows and offsets are committed per checkpoint; at least
 *       10ms, Flink's minimum.
 *   <li>{@code --parallelism} (none): the job's parallelism; without it, {@code flink run -p} or
 *       the cluster's default applies.
 *   <li>{@code --max-parallelism} 128: upper bound of later rescaling; fixed once state exists; at
 *       most 32768, Flink's limit.
 *   <li>{@code --cassandra-hosts} 127.0.0.1 (comma separated), {@code --cassandra-port} 9042,
 *       {@code --cassandra-datacenter} datacenter1: where Cassandra is.
 *   <li>{@code --keyspace} analytics and {@code --replication} {'class': 'SimpleStrategy',
 *       'replication_factor': 1}: the keyspace, created with that replication when missing. The
 *       keyspace is a letter then up to 47 letters, digits or underscores, and not a CQL reserved
 *       word; the replication is a CQL map, either {'class': 'SimpleStrategy',
 *       'replication_factor': n} or {'class': 'NetworkTopologyStrategy', '<datacenter>': n, ...}.
 *   <li>{@code --cassandra-username}, {@code --cassandra-password} (none): credentials; without
 *       them the environment variables CASSANDRA_USERNAME and CASSANDRA_PASSWORD are used.
 *   <li>{@code --sink-max-batch-rows} 100, {@code --sink-flush-interval} 1s, {@code
 *       --sink-max-in-flight} 4, {@code --sink-max-retries} 10, {@code --sink-consistency}
 *       LOCAL_QUORUM: batching, back-pressure, retries and consistency of the Cassandra writes.
 *   <li>{@code --help}: print the options and exit.
 *   <li>{@code --check-options}: parse and validate every option, print the effective configuration
 *       and exit with code 0, or print the one-line reason and exit with code 2 (a usage error);
 *       connects to nothing (the topics and the schema are checked at job start).
 * </ul>
 *
 * <p>Durations are written as Flink writes them ({@code 500ms}, {@code 5s}, {@code 1min}) and must
 * be whole milliseconds. A bad option stops start-up with a message naming it and the values it
 * accepts. Delivery: every row in Cassandra is an absolute value rewritten identically after a
 * restart, so the tables end as if each event were counted exactly once (duplicates in the topic
 * itself are counted); dead letters are written at least once.
 *
 * <p>Metrics, exported by Flink's Prometheus reporter as {@code
 * flink_taskmanager_job_task_operator_[<label>_]<name>}, the label's value a Prometheus label:
 * {@code events_in_total}, {@code events_invalid_total} by {@code reason}, {@code
 * events_late_total}, {@code windows_fired_total} by {@code kind}, {@code rows_emitted_total} by
 * {@code table}, {@code event_time_lag_milliseconds}, the all-time count {@code events_total} by
 * {@code event_type} (a gauge, for at most 200 types per parallel instance; {@code
 * events_over_type_limit_total} counts the events of further types) and the sink's {@code
 * cassandra*} metrics.
 */
public final class EventAnalyticsJob {

    private static final Logger LOG = LoggerFactory.getLogger(EventAnalyticsJob.class);

    private EventAnalyticsJob() {}

    public static void main(String[] args) throws Exception {
        JobOptions options = parseOrExplain(args);
        if (options == null) {
            return; // help or the checked configuration was printed
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.configure(env, options);
        addToEnvironment(env, options);
        env.execute("event-analytics");
    }

    /**
     * Adds the whole job, Kafka and Cassandra included, to {@code env}; creates the Cassandra
     * schema first.
     */
    public static void addToEnvironment(StreamExecutionEnvironment env, JobOptions options) {
        KafkaOptions kafka = options.kafka();
        LOG.info("Starting with {}", options);
        KafkaConnectors.requireTopics(kafka);
        CassandraOutputs.ensureSchema(options.cassandra());

        // Event time is assigned in the source so that every partition has its own watermark.
        DataStream<RawEvent> raw =
                env.fromSource(
                                KafkaConnectors.source(kafka),
                                EventAnalyticsPipeline.watermarkStrategy(options),
                                "Kafka events")
                        .uid("kafka-events");

        EventAnalyticsPipeline.Outputs outputs = EventAnalyticsPipeline.build(options, raw);

        outputs.windowStats()
                .sinkTo(CassandraOutputs.windowStatsSink(options.cassandra()))
                .uid("window-stats-sink")
                .name("Cassandra window_stats");
        outputs.typeTotals()
                .sinkTo(CassandraOutputs.typeTotalsSink(options.cassandra()))
                .uid("type-totals-sink")
                .name("Cassandra type_totals");
        outputs.deadLetters()
                .sinkTo(KafkaConnectors.deadLetterSink(kafka))
                .uid("dead-letter-sink")
                .name("Kafka dead letters");
    }

    private static JobOptions parseOrExplain(String[] args) {
        try {
            return JobCommandLine.parse(args, System.getenv());
        } catch (ParameterException invalid) {
            System.err.println(invalid.getMessage());
            if (JobCommandLine.isCheckRequested(args)) {
                // The caller of a check (./pipeline up) wants this line and an exit code, not the
                // stack trace an uncaught exception prints.
                System.exit(CommandLine.ExitCode.USAGE);
            }
            System.err.println("Run with --help to list every option and its default.");
            throw new IllegalArgumentException(invalid.getMessage(), invalid);
        }
    }
}
