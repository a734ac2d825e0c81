package io.eventpipe.stats.support;

import com.datastax.oss.driver.api.core.CqlSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Creates the analytics schema from the job's own {@code schema.cql} (copied onto the test
 * classpath by the pom), filled in and split the way the file's header describes.
 */
public final class AnalyticsSchema {

    private static final String SCHEMA_RESOURCE = "/cql/schema.cql";
    private static final String SINGLE_NODE =
            "{'class': 'SimpleStrategy', 'replication_factor': 1}";

    private AnalyticsSchema() {}

    public static void create(CqlSession session, String keyspace) {
        for (String statement : statements(keyspace)) {
            session.execute(statement);
        }
        session.checkSchemaAgreement();
    }

    static List<String> statements(String keyspace) {
        String text =
                read().replace("${keyspace}", keyspace).replace("${replication}", SINGLE_NODE);
        return Arrays.stream(text.split("(?m)^;\\s*$"))
                .map(AnalyticsSchema::withoutComments)
                .filter(statement -> !statement.isBlank())
                .toList();
    }

    private static String withoutComments(String chunk) {
        return chunk.lines()
                .map(line -> line.replaceFirst("--.*$", ""))
                .reduce("", (a, b) -> a + b + "\n")
                .strip();
    }

    private static String read() {
        try (InputStream in = AnalyticsSchema.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
