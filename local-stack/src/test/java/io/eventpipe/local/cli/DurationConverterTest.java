package io.eventpipe.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsShortHumanDurations() {
        assertThat(converter.convert("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(converter.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(converter.convert("1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThat(converter.convert("0.5s")).isEqualTo(Duration.ofMillis(500));
    }

    @ParameterizedTest
    @ValueSource(strings = {"60", "5 minutes", "", "-5s", "0s"})
    void rejectsOtherSpellingsAndNonPositiveDurations(String value) {
        assertThatThrownBy(() -> converter.convert(value))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'" + value + "'");
    }
}
