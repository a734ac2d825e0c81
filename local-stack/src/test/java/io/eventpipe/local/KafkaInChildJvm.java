package io.eventpipe.local;

import java.nio.file.Path;

/**
 * A JVM that starts an attached Kafka, prints its pid and then waits forever: the orphan test kills
 * this JVM and checks that the Kafka goes with it.
 */
public final class KafkaInChildJvm {

    static final String PID_PREFIX = "KAFKA_PID=";

    private KafkaInChildJvm() {}

    public static void main(String[] args) throws InterruptedException {
        KafkaServer kafka =
                new KafkaServer(Path.of(args[0]), Ports.freePort(), Ports.freePort(), false);
        kafka.start();
        System.out.println(PID_PREFIX + kafka.pid());
        System.out.flush();
        Thread.currentThread().join();
    }
}
