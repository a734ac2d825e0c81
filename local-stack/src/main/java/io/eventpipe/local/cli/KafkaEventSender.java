package io.eventpipe.local.cli;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends events to one Kafka topic and counts what the brokers acknowledged.
 *
 * <p>The producer is idempotent with {@code acks=all}, so a retried batch is neither lost nor
 * duplicated. A record that still fails (after the producer's own retries, within its delivery
 * timeout) is counted and the first such failure kept for the summary, with the record's origin;
 * sending continues so one bad record does not hide how many others got through. An exception
 * thrown by {@code send} itself (Kafka unreachable for {@link #MAX_BLOCK}, producer closed)
 * propagates to the caller.
 *
 * <p>A keyed record goes where the producer's default partitioner puts its key. A record without a
 * key is given a partition explicitly, round-robin over all of them: left to the producer, keyless
 * records would go in long runs to one partition after another (the sticky partitioner), so a
 * replayed file's partitions would end at quite different event times and the job's watermark, the
 * slowest partition's, would stop short of the file's end. Not thread-safe: one thread sends.
 */
final class KafkaEventSender implements AutoCloseable {

    /** How long {@code send} may block for metadata or buffer space before giving up. */
    static final Duration MAX_BLOCK = Duration.ofSeconds(30);

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final Runnable onAcknowledged;
    private final Consumer<Exception> onFailure;
    private final AtomicLong handedOver = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<SendSummary.Failure> firstFailure = new AtomicReference<>();
    private long startNanos = System.nanoTime();
    private int partitionCount;
    private long keylessSent;

    /**
     * The callbacks run on the producer's I/O thread (or the sending thread, for a record that
     * fails before it is queued), once per record.
     */
    KafkaEventSender(
            String bootstrapServers,
            String topic,
            String clientId,
            Runnable onAcknowledged,
            Consumer<Exception> onFailure) {
        this.producer = new KafkaProducer<>(producerProperties(bootstrapServers, clientId));
        this.topic = topic;
        this.onAcknowledged = onAcknowledged;
        this.onFailure = onFailure;
    }

    static Properties producerProperties(String bootstrapServers, String clientId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // Small events: a short linger and large batches trade a few ms of latency for throughput.
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(MAX_BLOCK.toMillis()));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    /**
     * Waits until Kafka answers with the topic's partitions (creating the topic if the broker
     * auto-creates topics), so an unreachable Kafka fails here, once, and the clock for the rate
     * starts with the first send rather than with the connection.
     *
     * @throws org.apache.kafka.common.errors.TimeoutException after {@link #MAX_BLOCK}
     */
    int connect() {
        partitionCount = producer.partitionsFor(topic).size();
        startNanos = System.nanoTime();
        return partitionCount;
    }

    /** Hands one event to the producer; {@link #connect()} must have returned first. */
    void send(OutgoingEvent event) {
        Integer partition = event.key() == null ? nextKeylessPartition() : null;
        producer.send(
                new ProducerRecord<>(topic, partition, event.key(), event.value()),
                (metadata, exception) -> onCompletion(event.origin(), exception));
        handedOver.incrementAndGet();
    }

    private int nextKeylessPartition() {
        if (partitionCount == 0) {
            throw new IllegalStateException("connect() must be called before send()");
        }
        return (int) (keylessSent++ % partitionCount);
    }

    /**
     * A record too large for the producer fails at once, on the sending thread, so the first such
     * failure kept is the first in file order.
     */
    private void onCompletion(String origin, Exception exception) {
        if (exception == null) {
            acknowledged.incrementAndGet();
            onAcknowledged.run();
        } else {
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, new SendSummary.Failure(exception, origin));
            onFailure.accept(exception);
        }
    }

    /** Waits until every record handed over so far is acknowledged or failed, then counts. */
    SendSummary flushAndSummarize() {
        producer.flush();
        return new SendSummary(
                handedOver.get(),
                acknowledged.get(),
                failed.get(),
                firstFailure.get(),
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    long acknowledged() {
        return acknowledged.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
