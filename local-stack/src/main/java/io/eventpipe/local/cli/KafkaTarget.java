package io.eventpipe.local.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The Kafka options of the commands that send events: where to send them. */
final class KafkaTarget {

    @Option(
            names = "--bootstrap-servers",
            defaultValue = "127.0.0.1:9092",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(
            names = "--topic",
            defaultValue = "events",
            description = "Topic to send to (default: ${DEFAULT-VALUE}).")
    String topic;

    void validate(CommandSpec spec) {
        OptionChecks.require(spec, !topic.isBlank(), "--topic", topic, "must not be blank");
    }

    SendSession openSession(CommandSpec spec, String clientId) {
        return new SendSession(spec, bootstrapServers, topic, clientId);
    }
}
