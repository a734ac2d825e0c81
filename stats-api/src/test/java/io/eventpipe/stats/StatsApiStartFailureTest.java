package io.eventpipe.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eventpipe.stats.config.StatsApiConfig;
import io.eventpipe.stats.support.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A service that cannot bind its HTTP port must fail and leave nothing behind that keeps the JVM
 * alive: no Cassandra connection attempts, no query or Jetty threads.
 */
class StatsApiStartFailureTest {

    @Test
    void portInUseFailsTheStartAndLeavesNoNonDaemonThread() throws IOException {
        Set<Thread> before = nonDaemonThreads();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StatsApiConfig config = config(Integer.toString(taken.getLocalPort()));

            assertThatThrownBy(() -> StatsApi.start(config, Clock.systemUTC()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith(
                            "could not listen on STATS_API_HOST=127.0.0.1 STATS_API_PORT="
                                    + taken.getLocalPort()
                                    + ": ")
                    .hasMessageContaining("BindException");
        }

        await().pollInSameThread()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(threadNames(nonDaemonThreads(), before))
                                        .as("non-daemon threads left by the failed start")
                                        .isEmpty());
    }

    private static StatsApiConfig config(String port) {
        return StatsApiConfig.fromEnvironment(
                Map.of(
                        "STATS_API_HOST",
                        "127.0.0.1",
                        "STATS_API_PORT",
                        port,
                        "CASSANDRA_CONTACT_POINTS",
                        "127.0.0.1:" + Ports.unusedPort()));
    }

    private static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !thread.isDaemon())
                .collect(Collectors.toSet());
    }

    private static Set<String> threadNames(Set<Thread> now, Set<Thread> before) {
        return now.stream()
                .filter(thread -> !before.contains(thread))
                .map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
