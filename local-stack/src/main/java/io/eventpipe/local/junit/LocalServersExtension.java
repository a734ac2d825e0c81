package io.eventpipe.local.junit;

import io.eventpipe.local.CassandraServer;
import io.eventpipe.local.FlinkCluster;
import io.eventpipe.local.FlinkPorts;
import io.eventpipe.local.KafkaServer;
import io.eventpipe.local.LocalServer;
import io.eventpipe.local.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects real local servers into tests: a parameter of type {@link KafkaServer}, {@link
 * CassandraServer} or {@link FlinkCluster} (of a test method, constructor or {@code @BeforeAll})
 * receives a running server.
 *
 * <p>Each server starts at its first use, once per test JVM, on free ports and in a temporary data
 * directory, so tests never collide with a running {@code ./pipeline} or with other modules' tests.
 * Servers stop when the JVM's root extension context closes, and with the JVM in any case. A server
 * that cannot start fails the test with a message naming its port and log file.
 */
public final class LocalServersExtension implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(LocalServersExtension.class);
    private static final Map<Class<?>, Function<Path, LocalServer>> FACTORIES =
            Map.of(
                    KafkaServer.class,
                    dir -> new KafkaServer(dir, Ports.freePort(), Ports.freePort(), false),
                    CassandraServer.class,
                    dir ->
                            new CassandraServer(
                                    dir, Ports.freePort(), Ports.freePort(), false, true),
                    FlinkCluster.class,
                    dir -> new FlinkCluster(dir, FlinkPorts.free(), false));

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return FACTORIES.containsKey(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        // The store's lock makes concurrent first uses start a server only once.
        return store.getOrComputeIfAbsent(type, this::startServer, StartedServer.class).server();
    }

    private StartedServer startServer(Class<?> type) {
        Path dataDir = dataDir(type);
        LocalServer server = FACTORIES.get(type).apply(dataDir);
        server.start();
        return new StartedServer(server, dataDir);
    }

    private static Path dataDir(Class<?> type) {
        try {
            return Files.createTempDirectory("eventpipe-" + type.getSimpleName() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a data directory for " + type, e);
        }
    }

    /** Stops its server and deletes its data when JUnit closes the root context. */
    private record StartedServer(LocalServer server, Path dataDir)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws IOException {
            server.stop();
            try (Stream<Path> paths = Files.walk(dataDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
