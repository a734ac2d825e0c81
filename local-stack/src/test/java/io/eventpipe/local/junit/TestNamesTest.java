package io.eventpipe.local.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestNamesTest {

    @Test
    void everyCallGivesANewName() {
        assertThat(TestNames.uniqueTopic("events")).isNotEqualTo(TestNames.uniqueTopic("events"));
        assertThat(TestNames.uniqueKeyspace("analytics"))
                .isNotEqualTo(TestNames.uniqueKeyspace("analytics"));
    }

    @Test
    void keyspaceNamesAreValidCqlIdentifiers() {
        assertThat(TestNames.uniqueKeyspace("My-Stats")).matches("[a-z][a-z0-9_]{0,47}");
    }

    @Test
    void aKeyspacePrefixTooLongForCassandraIsRefused() {
        assertThatThrownBy(() -> TestNames.uniqueKeyspace("k".repeat(45)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
