package io.eventpipe.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventpipe.local.junit.LocalServersExtension;
import io.eventpipe.local.junit.TestNames;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link KafkaServer#createTopic(String, int, Map)}: configs at creation and on an old topic. */
@ExtendWith(LocalServersExtension.class)
class KafkaTopicConfigITCase {

    private static final String MAX_BYTES = TopicConfig.MAX_MESSAGE_BYTES_CONFIG;

    @Test
    void newTopicGetsItsConfigsAndAnExistingOneIsUpdatedKeepingItsPartitions(KafkaServer kafka)
            throws Exception {
        String topic = TestNames.uniqueTopic("configured");

        kafka.createTopic(topic, 2, Map.of(MAX_BYTES, "2097152"));
        // The broker's view of the metadata may trail the controller's by a moment.
        awaitMaxMessageBytes(kafka, topic, "2097152");
        kafka.createTopic(topic, 5, Map.of(MAX_BYTES, "3145728"));
        awaitMaxMessageBytes(kafka, topic, "3145728");
        kafka.createTopic(topic, 5);

        assertThat(maxMessageBytes(kafka, topic)).isEqualTo("3145728");
        assertThat(partitions(kafka, topic)).isEqualTo(2);
    }

    private static void awaitMaxMessageBytes(KafkaServer kafka, String topic, String expected) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(maxMessageBytes(kafka, topic)).isEqualTo(expected));
    }

    private static String maxMessageBytes(KafkaServer kafka, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = kafka.admin()) {
            Map<ConfigResource, Config> configs =
                    admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS);
            return configs.get(resource).get(MAX_BYTES).value();
        }
    }

    private static int partitions(KafkaServer kafka, String topic) throws Exception {
        try (Admin admin = kafka.admin()) {
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions()
                    .size();
        }
    }
}
