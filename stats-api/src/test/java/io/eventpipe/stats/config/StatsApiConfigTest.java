package io.eventpipe.stats.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatsApiConfigTest {

    @Test
    void emptyEnvironmentGivesTheDocumentedDefaults() {
        StatsApiConfig config = StatsApiConfig.fromEnvironment(Map.of());

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.contactPoints())
                .containsExactly(InetSocketAddress.createUnresolved("127.0.0.1", 9042));
        assertThat(config.localDatacenter()).isEqualTo("datacenter1");
        assertThat(config.keyspace()).isEqualTo("analytics");
        assertThat(config.username()).isEmpty();
        assertThat(config.queryTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.maxRange()).isEqualTo(Duration.ofDays(31));
    }

    @Test
    void readsEveryVariable() {
        StatsApiConfig config =
                StatsApiConfig.fromEnvironment(
                        Map.of(
                                "STATS_API_HOST", "0.0.0.0",
                                "STATS_API_PORT", "9090",
                                "CASSANDRA_CONTACT_POINTS", "db1:9142, db2",
                                "CASSANDRA_LOCAL_DATACENTER", "eu-west",
                                "CASSANDRA_KEYSPACE", "stats_v2",
                                "CASSANDRA_USERNAME", "reader",
                                "CASSANDRA_PASSWORD", "secret",
                                "CASSANDRA_QUERY_TIMEOUT", "PT0.5S",
                                "STATS_API_MAX_RANGE", "P7D"));

        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.contactPoints())
                .isEqualTo(
                        List.of(
                                InetSocketAddress.createUnresolved("db1", 9142),
                                InetSocketAddress.createUnresolved("db2", 9042)));
        assertThat(config.localDatacenter()).isEqualTo("eu-west");
        assertThat(config.keyspace()).isEqualTo("stats_v2");
        assertThat(config.username()).isEqualTo(Optional.of("reader"));
        assertThat(config.password()).isEqualTo(Optional.of("secret"));
        assertThat(config.queryTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.maxRange()).isEqualTo(Duration.ofDays(7));
        assertThat(config.toString()).doesNotContain("secret");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "STATS_API_PORT | http",
                "STATS_API_PORT | 70000",
                "CASSANDRA_CONTACT_POINTS | db1:port",
                "CASSANDRA_CONTACT_POINTS | :9042",
                "CASSANDRA_CONTACT_POINTS | db1:99999",
                "CASSANDRA_KEYSPACE | analytics; DROP TABLE x",
                "CASSANDRA_QUERY_TIMEOUT | 2s",
                "CASSANDRA_QUERY_TIMEOUT | PT0S",
                "STATS_API_MAX_RANGE | -P1D",
                "STATS_API_MAX_RANGE | P367D",
                "CASSANDRA_QUERY_TIMEOUT | PT11M",
            })
    void badValueStopsStartUpNamingTheVariable(String variable, String value) {
        assertThatThrownBy(() -> StatsApiConfig.fromEnvironment(Map.of(variable, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(variable + "='" + value + "'");
    }

    @Test
    void tooLongMaxRangeSaysTheLongestAllowedInDays() {
        assertThatThrownBy(
                        () ->
                                StatsApiConfig.fromEnvironment(
                                        Map.of("STATS_API_MAX_RANGE", "P400D")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "STATS_API_MAX_RANGE='P400D' is invalid: expected a positive ISO-8601"
                                + " duration such as PT2S or P31D, at most P366D");
    }

    @Test
    void usernameWithoutPasswordNamesTheMissingPassword() {
        assertThatThrownBy(() -> StatsApiConfig.fromEnvironment(Map.of("CASSANDRA_USERNAME", "x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("CASSANDRA_PASSWORD=");
    }
}
