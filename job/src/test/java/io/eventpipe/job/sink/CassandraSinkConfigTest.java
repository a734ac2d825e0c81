package io.eventpipe.job.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class CassandraSinkConfigTest {

    @Test
    void everyOptionIsKeptAsGiven() {
        CassandraSinkConfig config =
                CassandraSinkConfig.builder()
                        .contactPoints(List.of("10.0.0.1", "10.0.0.2"))
                        .port(19042)
                        .localDatacenter("dc2")
                        .keyspace("analytics_test")
                        .username("writer")
                        .password("s3cret")
                        .maxBatchRows(50)
                        .flushInterval(Duration.ofMillis(250))
                        .maxInFlightRequests(3)
                        .maxRetries(7)
                        .consistencyLevel("QUORUM")
                        .build();

        assertThat(config.contactPoints()).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(config.port()).isEqualTo(19042);
        assertThat(config.localDatacenter()).isEqualTo("dc2");
        assertThat(config.keyspace()).isEqualTo("analytics_test");
        assertThat(config.username()).isEqualTo("writer");
        assertThat(config.password()).isEqualTo("s3cret");
        assertThat(config.maxBatchRows()).isEqualTo(50);
        assertThat(config.flushInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.maxInFlightRequests()).isEqualTo(3);
        assertThat(config.maxRetries()).isEqualTo(7);
        assertThat(config.consistencyLevel()).isEqualTo("QUORUM");
    }

    @Test
    void toStringNamesTheUserButHidesThePassword() {
        CassandraSinkConfig config =
                CassandraSinkConfig.builder().username("writer").password("s3cret").build();

        assertThat(config.toString()).contains("username=writer").doesNotContain("s3cret");
    }

    @Test
    void credentialsComeFromTheEnvironmentWhenBothAreSet() {
        Map<String, String> env =
                Map.of(
                        CassandraSinkConfig.USERNAME_ENV, "env-user",
                        CassandraSinkConfig.PASSWORD_ENV, "env-pass");

        CassandraSinkConfig config =
                CassandraSinkConfig.builder().credentialsFromEnvironment(env).build();

        assertThat(config.username()).isEqualTo("env-user");
        assertThat(config.password()).isEqualTo("env-pass");
    }

    @Test
    void badValuesNameTheirKeyAndWhatIsAccepted() {
        assertRejected(b -> b.contactPoints(List.of()), "contactPoints", "non-empty list");
        assertRejected(b -> b.port(0), "port", "1..65535");
        assertRejected(b -> b.localDatacenter(" "), "localDatacenter", "data center name");
        assertRejected(b -> b.keyspace("bad-name"), "keyspace", "letter");
        assertRejected(b -> b.keyspace("Select"), "keyspace", "not a CQL reserved word");
        assertRejected(b -> b.username("only-user"), "username/password", "both or neither");
        assertRejected(b -> b.maxBatchRows(0), "maxBatchRows", "1..10000");
        assertRejected(b -> b.flushInterval(Duration.ZERO), "flushInterval", "positive");
        assertRejected(b -> b.maxInFlightRequests(0), "maxInFlightRequests", "1..1000");
        assertRejected(b -> b.maxRetries(-1), "maxRetries", "0..1000");
        assertRejected(b -> b.consistencyLevel("SERIAL"), "consistencyLevel", "LOCAL_QUORUM");
        assertRejected(
                b -> b.retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)),
                "retryMaxBackoff",
                "longer than");
    }

    @Test
    void survivesJavaSerializationToTheTaskManagers() throws Exception {
        CassandraSinkConfig config = CassandraSinkConfig.builder().keyspace("ks1").build();

        CassandraSinkConfig copy =
                InstantiationUtil.deserializeObject(
                        InstantiationUtil.serializeObject(config), getClass().getClassLoader());

        assertThat(copy.toString()).isEqualTo(config.toString());
    }

    private static void assertRejected(
            java.util.function.Consumer<CassandraSinkConfig.Builder> change,
            String key,
            String accepted) {
        CassandraSinkConfig.Builder builder = CassandraSinkConfig.builder();
        change.accept(builder);
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + key + "'")
                .hasMessageContaining(accepted);
    }
}
