package io.eventpipe.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Cassandra holding a user's data, as {@code ./pipeline up} starts it, keeps its tables and rows
 * through a crash: killed with no chance to flush, it restarts with both.
 *
 * <p>It gets a server of its own, since the shared test server trades exactly this for speed.
 */
class CassandraCrashITCase {

    @Test
    void tablesAndRowsSurviveAKill(@TempDir Path dir) throws Exception {
        CassandraServer cassandra =
                new CassandraServer(dir, Ports.freePort(), Ports.freePort(), false, false);
        cassandra.start();
        try {
            try (CqlSession session = cassandra.session()) {
                session.execute(
                        "CREATE KEYSPACE crash WITH replication ="
                                + " {'class': 'SimpleStrategy', 'replication_factor': 1}");
                session.execute("CREATE TABLE crash.counts (page text PRIMARY KEY, views bigint)");
                session.execute("INSERT INTO crash.counts (page, views) VALUES ('/a', 7)");
            }

            killAndAwaitExit(cassandra.pid());
            cassandra.stop(); // forgets the dead process, so start() launches a new one
            cassandra.start();

            try (CqlSession session = cassandra.session()) {
                Row row = session.execute("SELECT views FROM crash.counts WHERE page = '/a'").one();
                assertThat(row).as("the row written before the kill").isNotNull();
                assertThat(row.getLong("views")).isEqualTo(7L);
            }
        } finally {
            cassandra.stop();
        }
    }

    private static void killAndAwaitExit(long pid) {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        await().atMost(Duration.ofMinutes(1)).until(() -> !process.isAlive());
    }
}
