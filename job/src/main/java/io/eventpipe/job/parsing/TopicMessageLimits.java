package io.eventpipe.job.parsing;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Reads the largest record batch each Kafka topic accepts: its effective {@code max.message.bytes}
 * (the topic's own setting, or the broker default it inherits). Redpanda answers the same way.
 */
public final class TopicMessageLimits {

    private static final long TIMEOUT_SECONDS = 30;

    private TopicMessageLimits() {}

    /**
     * The limit of each topic in bytes; a topic whose limit the broker does not report is absent.
     *
     * @throws IllegalStateException when the broker cannot be asked (unreachable, not authorised)
     */
    public static Map<String, Integer> read(Admin admin, Collection<String> topics) {
        List<ConfigResource> resources =
                topics.stream()
                        .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
                        .toList();
        Map<ConfigResource, Config> configs;
        try {
            configs = admin.describeConfigs(resources).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the configuration of " + topics, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted reading the configuration of " + topics);
        }
        Map<String, Integer> limits = new HashMap<>();
        configs.forEach(
                (resource, config) -> {
                    ConfigEntry entry = config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                    if (entry != null && entry.value() != null) {
                        limits.put(resource.name(), Integer.parseInt(entry.value()));
                    }
                });
        return limits;
    }
}
