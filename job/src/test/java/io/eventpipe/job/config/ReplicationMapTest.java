package io.eventpipe.job.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplicationMapTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "{'class': 'SimpleStrategy', 'replication_factor': 1}"
                        + " | {'class': 'SimpleStrategy', 'replication_factor': 1}",
                "{'class':'SimpleStrategy','replication_factor':'3'}"
                        + " | {'class': 'SimpleStrategy', 'replication_factor': 3}",
                "{'class': 'org.apache.cassandra.locator.SimpleStrategy', 'replication_factor': 2}"
                        + " | {'class': 'org.apache.cassandra.locator.SimpleStrategy',"
                        + " 'replication_factor': 2}",
                "{'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc-2': 0}"
                        + " | {'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc-2': 0}",
                "{'class': 'NetworkTopologyStrategy', 'replication_factor': 3}"
                        + " | {'class': 'NetworkTopologyStrategy', 'replication_factor': 3}",
                "{'class': 'NetworkTopologyStrategy', 'it\\'s': 1}"
                        + " | {'class': 'NetworkTopologyStrategy', 'it''s': 1}",
            })
    void acceptedMapsAreWrittenAsCanonicalCql(String given, String canonical) {
        assertThat(ReplicationMap.canonical(given)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "garbage                                                   | not a map",
                "{replication_factor: 1}                                   | not a map",
                "{'class': 'SimpleStrategy', 'replication_factor': 1} and  | not a map",
                "{'class': 'SimpleStrategy', 'class': 'SimpleStrategy'}    | not a map",
                "['SimpleStrategy', 1]                                     | not a map",
                "{'replication_factor': 1}                                 | 'class' must name",
                "{'class': 'LocalStrategy'}                                | must be SimpleStrategy",
                "{'class': 'SimpleStrategy'}                               | only 'replication_factor'",
                "{'class': 'SimpleStrategy', 'replication_factor': 0}      | at least 1",
                "{'class': 'SimpleStrategy', 'replication_factor': 1, 'dc1': 1} | only",
                "{'class': 'SimpleStrategy', 'replication_factor': 1.5}    | whole number",
                "{'class': 'SimpleStrategy', 'replication_factor': '3/1'}  | whole number",
                "{'class': 'SimpleStrategy', 'replication_factor': -1}     | whole number",
                "{'class': 'NetworkTopologyStrategy', 'dc1': 'three'}      | whole number",
                "{'class': 'NetworkTopologyStrategy', 'dc1': {'n': 1}}     | whole number",
                "{'class': 'NetworkTopologyStrategy', ' ': 1}              | whole number",
                "{'class': 'NetworkTopologyStrategy', 'dc1': 0}            | at least 1",
                "{'class': 'NetworkTopologyStrategy'}                      | at least 1",
            })
    void malformedMapsAreRefusedSayingWhy(String given, String reason) {
        assertThatThrownBy(() -> ReplicationMap.canonical(given))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }
}
