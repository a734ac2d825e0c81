package io.eventpipe.job.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CassandraSchemaTest {

    @Test
    void schemaSplitsIntoItsStatementsWithPlaceholdersFilled() {
        List<String> statements =
                CassandraSchema.statements(
                        "ks1", "{'class': 'SimpleStrategy', 'replication_factor': 1}");

        assertThat(statements).hasSize(3);
        assertThat(statements.get(0))
                .contains("CREATE KEYSPACE IF NOT EXISTS ks1")
                .contains("'replication_factor': 1");
        assertThat(statements.get(1)).contains("CREATE TABLE IF NOT EXISTS ks1.window_stats");
        assertThat(statements.get(2)).contains("CREATE TABLE IF NOT EXISTS ks1.type_totals");
        assertThat(String.join("\n", statements)).doesNotContain("${");
    }
}
