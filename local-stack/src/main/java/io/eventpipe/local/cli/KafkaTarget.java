package io.eventpipe.local.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The Kafka options of the commands that send events or read dead letters: the servers and the
 * topic ({@code dead-letters} gives it another default).
 */
final class KafkaTarget {

    @Option(
            names = "--bootstrap-servers",
            defaultValue = "127.0.0.1:9092",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(
            names = "--topic",
            defaultValue = "events",
            description = "Kafka topic (default: ${DEFAULT-VALUE}).")
    String topic;

    void validate(CommandSpec spec) {
        OptionChecks.require(spec, !topic.isBlank(), "--topic", topic, "must not be blank");
    }

    SendSession openSession(CommandSpec spec, String clientId) {
        return new SendSession(spec, bootstrapServers, topic, clientId);
    }
}
