package io.eventpipe.stats.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({
        "P31D, 31 days",
        "PT744H, 31 days",
        "P1D, 1 day",
        "PT36H, 1 day 12 hours",
        "PT90M, 1 hour 30 minutes",
        "PT1M1S, 1 minute 1 second",
        "PT2.5S, 2 seconds 500 milliseconds",
        "PT0.000001S, PT0.000001S"
    })
    void namesEachNonZeroPartInWords(String iso, String expected) {
        assertThat(DurationText.of(Duration.parse(iso))).isEqualTo(expected);
    }
}
