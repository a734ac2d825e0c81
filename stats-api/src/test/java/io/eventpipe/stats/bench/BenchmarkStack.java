package io.eventpipe.stats.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import io.eventpipe.local.CassandraServer;
import io.eventpipe.stats.StatsApi;
import io.eventpipe.stats.config.StatsApiConfig;
import io.eventpipe.stats.support.AnalyticsData;
import io.eventpipe.stats.support.AnalyticsSchema;
import io.eventpipe.stats.support.GeneratedWindow;
import io.eventpipe.stats.support.Ports;
import io.eventpipe.stats.support.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a Cassandra with two days of one-minute windows for five event types and the service in
 * front of it, for a load tool to drive (see BENCHMARK.md). Not a test: run it by hand; it serves
 * until it gets SIGTERM or SIGINT, then stops both.
 *
 * <p>Arguments: the HTTP port, then the first day (UTC) of the loaded windows.
 */
public final class BenchmarkStack {

    private static final List<String> TYPES =
            List.of("page_view", "click", "add_to_cart", "purchase", "search");
    private static final int WINDOWS_PER_TYPE = 2 * 24 * 60;
    private static final int USER_POOL = 20_000;

    private BenchmarkStack() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int httpPort = Integer.parseInt(args[0]);
        Instant firstWindow = Instant.parse(args[1] + "T00:00:00Z");
        Path dataDir = Files.createTempDirectory("stats-api-bench-");
        CassandraServer cassandra =
                new CassandraServer(dataDir, Ports.unusedPort(), Ports.unusedPort(), false, true);
        cassandra.start();
        String keyspace = "bench";
        load(cassandra, keyspace, firstWindow);
        Map<String, String> env =
                Map.of(
                        StatsApiConfig.PORT,
                        Integer.toString(httpPort),
                        StatsApiConfig.CONTACT_POINTS,
                        cassandra.host() + ":" + cassandra.cqlPort(),
                        StatsApiConfig.KEYSPACE,
                        keyspace);
        StatsApi api = StatsApi.start(StatsApiConfig.fromEnvironment(env), Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    api.close();
                                    cassandra.stop();
                                    stopped.countDown();
                                }));
        System.out.println("BENCHMARK READY on port " + api.port());
        stopped.await();
    }

    private static void load(CassandraServer cassandra, String keyspace, Instant firstWindow) {
        try (CqlSession session = TestServices.session(cassandra)) {
            AnalyticsSchema.create(session, keyspace);
            long seed = 1;
            for (String type : TYPES) {
                List<GeneratedWindow> windows =
                        AnalyticsData.generate(
                                type, firstWindow, WINDOWS_PER_TYPE, 1, USER_POOL, seed++);
                AnalyticsData.writeWindows(session, keyspace, windows);
                AnalyticsData.writeTotals(session, keyspace, type, windows);
                System.out.println("loaded " + windows.size() + " windows of " + type);
            }
        }
    }
}
