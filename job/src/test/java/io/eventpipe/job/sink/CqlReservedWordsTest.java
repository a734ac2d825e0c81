package io.eventpipe.job.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.local.ServerClasspath;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

class CqlReservedWordsTest {

    private static final String SERVER_LIST = "org/apache/cassandra/cql3/reserved_keywords.txt";

    @Test
    void listIsTheOneOfTheCassandraServerTheTestsRun() throws IOException {
        // The Cassandra the integration tests start, resolved from Maven Central (no server runs).
        String serverJar =
                Arrays.stream(ServerClasspath.resolve("cassandra").split(File.pathSeparator))
                        .filter(path -> new File(path).getName().startsWith("cassandra-all-"))
                        .findFirst()
                        .orElseThrow();

        assertThat(CqlReservedWords.all()).isEqualTo(wordsIn(serverJar));
    }

    @Test
    void reservedWordsAreFoundInAnyCase() {
        assertThat(CqlReservedWords.isReserved("select")).isTrue();
        assertThat(CqlReservedWords.isReserved("VIEW")).isTrue();
        assertThat(CqlReservedWords.isReserved("Materialized")).isTrue();
        // keywords CQL does not reserve are valid names
        assertThat(CqlReservedWords.isReserved("key")).isFalse();
        assertThat(CqlReservedWords.isReserved("analytics")).isFalse();
    }

    private static Set<String> wordsIn(String jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar)) {
            ZipEntry entry = zip.getEntry(SERVER_LIST);
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .collect(Collectors.toSet());
            }
        }
    }
}
