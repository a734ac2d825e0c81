package io.eventpipe.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generated {@code server.properties} of the local Kafka: one KRaft node that is broker and
 * controller at once, loopback listeners, and replication factors of 1 since there is one node.
 */
final class KafkaConfig {

    private final int port;
    private final int controllerPort;
    private final Path logDir;

    KafkaConfig(int port, int controllerPort, Path logDir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = logDir;
    }

    /** Writes the file and returns its path. */
    Path write(Path file) {
        Map<String, String> properties = new LinkedHashMap<>();
        listeners(properties);
        properties.put("log.dirs", logDir.toString());
        // One node: internal topics cannot have more than one replica.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "4");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "4");
        // Consumers in tests should not wait 3 s for a group to form.
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("num.network.threads", "2");
        properties.put("num.io.threads", "2");
        return ConfigFiles.writeProperties(file, properties);
    }

    private void listeners(Map<String, String> properties) {
        String controller = "127.0.0.1:" + controllerPort;
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@" + controller);
        properties.put(
                "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://" + controller);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put(
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    }
}
