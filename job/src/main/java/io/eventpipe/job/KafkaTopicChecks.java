package io.eventpipe.job;

import io.eventpipe.job.config.KafkaOptions;
import io.eventpipe.job.parsing.DeadLetterSizeLimit;
import io.eventpipe.job.parsing.TopicMessageLimits;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up checks of the job's two topics: both must exist, and the dead-letter topic must take
 * the dead letter of the largest record the events topic takes.
 *
 * <p>Either failing stops start-up. A dead-letter topic that is too small would otherwise let the
 * job run until such a record arrives and then fail on it after every restart. Only when Kafka does
 * not tell the limits (no DescribeConfigs permission, say) does the job start with a warning.
 */
final class KafkaTopicChecks {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopicChecks.class);

    private KafkaTopicChecks() {}

    static void check(KafkaOptions kafka) {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers()))) {
            requireExisting(admin, kafka);
            requireRoomForDeadLetters(admin, kafka);
        }
    }

    /**
     * Stops start-up when the events topic or the dead-letter topic does not exist: the source
     * would otherwise fail and restart forever on the missing metadata, and the broker may be set
     * to create a mistyped dead-letter topic silently.
     */
    private static void requireExisting(Admin admin, KafkaOptions kafka) {
        Set<String> existing;
        try {
            existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Cannot list the topics of Kafka at --bootstrap-servers "
                            + kafka.bootstrapServers(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing Kafka topics", e);
        }
        for (String topic : List.of(kafka.topic(), kafka.deadLetterTopic())) {
            if (!existing.contains(topic)) {
                String option = topic.equals(kafka.topic()) ? "--topic" : "--dlq-topic";
                throw new IllegalStateException(
                        "Topic '"
                                + topic
                                + "' ("
                                + option
                                + ") does not exist at "
                                + kafka.bootstrapServers()
                                + ": create it first");
            }
        }
    }

    private static void requireRoomForDeadLetters(Admin admin, KafkaOptions kafka) {
        Map<String, Integer> limits;
        try {
            limits =
                    TopicMessageLimits.read(admin, List.of(kafka.topic(), kafka.deadLetterTopic()));
        } catch (IllegalStateException unreadable) {
            LOG.warn(
                    "Cannot compare the size limits of the topics; starting without checking that"
                            + " dead letters fit",
                    unreadable);
            return;
        }
        Integer eventsLimit = limits.get(kafka.topic());
        Integer deadLetterLimit = limits.get(kafka.deadLetterTopic());
        if (eventsLimit == null || deadLetterLimit == null) {
            LOG.warn(
                    "Kafka did not report max.message.bytes of every topic ({}: {}, {}: {});"
                            + " starting without checking that dead letters fit",
                    kafka.topic(),
                    eventsLimit,
                    kafka.deadLetterTopic(),
                    deadLetterLimit);
            return;
        }
        DeadLetterSizeLimit deadLetters =
                new DeadLetterSizeLimit(kafka.deadLetterTopic(), deadLetterLimit);
        LOG.info(
                "Largest records: {} bytes in topic {}, {} bytes for dead letters in {}",
                eventsLimit,
                kafka.topic(),
                deadLetters.maxBytes(),
                kafka.deadLetterTopic());
        deadLetters
                .mismatchWith(kafka.topic(), eventsLimit)
                .ifPresent(
                        mismatch -> {
                            throw new IllegalStateException(
                                    "Dead-letter topic '"
                                            + kafka.deadLetterTopic()
                                            + "' (--dlq-topic) cannot take the dead letters"
                                            + " of the largest records of topic '"
                                            + kafka.topic()
                                            + "' (--topic). "
                                            + mismatch
                                            + " Then start the job again.");
                        });
    }
}
