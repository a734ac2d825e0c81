package io.eventpipe.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server started by a JVM that is killed (no shutdown hooks run) does not outlive it. */
class OrphanedServerITCase {

    @Test
    void aServerStopsWhenTheJvmThatStartedItIsKilled(@TempDir Path dir) throws Exception {
        Process parent =
                new ProcessBuilder(
                                JavaCommand.javaExecutable(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                KafkaInChildJvm.class.getName(),
                                dir.toString())
                        .redirectErrorStream(true)
                        .start();
        try {
            long kafkaPid = readKafkaPid(parent).get();
            assertThat(isAlive(kafkaPid)).isTrue();

            parent.destroyForcibly().waitFor();

            await().atMost(Duration.ofMinutes(1)).until(() -> !isAlive(kafkaPid));
        } finally {
            parent.destroyForcibly();
        }
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The pid the child prints once its Kafka is ready; fails after three minutes. */
    private static CompletableFuture<Long> readKafkaPid(Process parent) {
        return CompletableFuture.supplyAsync(() -> scanForPid(parent))
                .orTimeout(3, TimeUnit.MINUTES);
    }

    private static long scanForPid(Process parent) {
        try (BufferedReader lines =
                new BufferedReader(
                        new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            Optional<String> line =
                    lines.lines().filter(l -> l.startsWith(KafkaInChildJvm.PID_PREFIX)).findFirst();
            return Long.parseLong(
                    line.orElseThrow(() -> new AssertionError("The child JVM ended without Kafka"))
                            .substring(KafkaInChildJvm.PID_PREFIX.length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
