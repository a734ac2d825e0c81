package io.eventpipe.job.sink;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the analytics keyspace and tables from {@code cql/schema.cql} on the classpath, if they
 * do not exist yet.
 *
 * <p>Every statement is {@code IF NOT EXISTS}, so running it at each job start is safe; it never
 * alters an existing table. Each DDL waits for all nodes to agree on the schema, and a lack of
 * agreement at the end fails start-up rather than leaving writes to race a schema change.
 */
public final class CassandraSchema {

    private static final Logger LOG = LoggerFactory.getLogger(CassandraSchema.class);

    static final String SCHEMA_RESOURCE = "/cql/schema.cql";

    // schema.cql separates statements by a line holding only ';'.
    private static final Pattern STATEMENT_SEPARATOR = Pattern.compile("(?m)^\\s*;\\s*$");

    private CassandraSchema() {}

    /**
     * Runs every statement of schema.cql against the cluster of {@code config}.
     *
     * @param replication a CQL replication map, e.g. {@code {'class': 'SimpleStrategy',
     *     'replication_factor': 1}}
     */
    public static void ensure(CassandraSinkConfig config, String replication) {
        List<String> statements = statements(config.keyspace(), replication);
        try (Cluster cluster = new CassandraClusterBuilder(config).getCluster();
                Session session = cluster.connect()) {
            for (String statement : statements) {
                session.execute(statement);
            }
            if (!cluster.getMetadata().checkSchemaAgreement()) {
                throw new IllegalStateException(
                        "Cassandra nodes do not agree on the schema of keyspace "
                                + config.keyspace()
                                + "; check that every node is up (nodetool describecluster)");
            }
        }
        LOG.info("Cassandra schema of keyspace {} is in place", config.keyspace());
    }

    /** The statements of schema.cql with the keyspace and replication filled in. */
    static List<String> statements(String keyspace, String replication) {
        String schema =
                readSchema()
                        .replace("${keyspace}", keyspace)
                        .replace("${replication}", replication);
        List<String> statements = new ArrayList<>();
        for (String part : STATEMENT_SEPARATOR.split(schema)) {
            if (!withoutComments(part).isBlank()) {
                statements.add(part.strip());
            }
        }
        return statements;
    }

    private static String withoutComments(String cql) {
        return cql.replaceAll("(?m)--.*$", "");
    }

    private static String readSchema() {
        return ClasspathText.read(SCHEMA_RESOURCE);
    }
}
