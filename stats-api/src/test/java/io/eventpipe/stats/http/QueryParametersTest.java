package io.eventpipe.stats.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventpipe.stats.service.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParametersTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Duration MAX_RANGE = Duration.ofDays(31);

    private static QueryParameters of(Map<String, String> query) {
        return new QueryParameters(query::get, NOW, MAX_RANGE);
    }

    @Test
    void noRangeParametersMeanAllTime() {
        assertThat(of(Map.of()).optionalRange()).isEmpty();
    }

    @Test
    void missingEndsDefaultToNowAndADayBefore() {
        assertThat(of(Map.of()).range())
                .isEqualTo(new TimeRange(NOW.minus(Duration.ofDays(1)), NOW));
        assertThat(of(Map.of("from", "2026-03-10T00:00:00Z")).optionalRange())
                .isEqualTo(Optional.of(new TimeRange(Instant.parse("2026-03-10T00:00:00Z"), NOW)));
    }

    @Test
    void rangeOfExactlyTheMaximumIsAccepted() {
        Map<String, String> query =
                Map.of("from", "2026-02-01T00:00:00Z", "to", "2026-03-04T00:00:00Z");

        assertThat(of(query).range().to()).isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
    }

    @Test
    void fromNotIsoIsRejectedNamingFrom() {
        assertBad(Map.of("from", "yesterday"), "from");
        assertBad(Map.of("to", "2026-03-10"), "to");
    }

    @Test
    void fromAfterToIsRejectedNamingFrom() {
        assertBad(Map.of("from", "2026-03-10T00:00:00Z", "to", "2026-03-09T00:00:00Z"), "from");
    }

    @Test
    void rangeLongerThanTheMaximumIsRejectedNamingTo() {
        assertBad(Map.of("from", "2026-01-01T00:00:00Z", "to", "2026-03-01T00:00:00Z"), "to");
    }

    @Test
    void rangeLongerThanTheMaximumNamesTheMaximumInWords() {
        Map<String, String> query =
                Map.of("from", "2026-02-01T00:00:00Z", "to", "2026-03-04T00:00:00.001Z");

        assertThatThrownBy(() -> of(query).range())
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("expected at most 31 days after from=2026-02-01T00:00:00Z");
    }

    @ParameterizedTest
    @CsvSource({
        "to, -1000000000-01-01T00:00:00Z",
        "from, -999999999-01-01T00:00:00Z",
        "to, +999999999-01-02T00:00:00Z",
        "from, 1969-12-31T23:59:59Z",
        "to, +10000-01-01T00:00:00Z",
        "before, 1969-12-31T23:59:59Z",
        "before, +999999999-01-01T00:00:00Z"
    })
    void instantsOutsideTheSupportedYearsAreRejectedNamingTheParameter(
            String parameter, String value) {
        QueryParameters parameters = of(Map.of(parameter, value));

        assertThatThrownBy(
                        () -> {
                            parameters.range();
                            parameters.before();
                        })
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z")
                .extracting(e -> ((BadParameterException) e).parameter())
                .isEqualTo(parameter);
    }

    @Test
    void instantsAtTheSupportedBoundsAreAccepted() {
        Map<String, String> query =
                Map.of(
                        "from", "1970-01-01T00:00:00Z",
                        "to", "1970-01-02T00:00:00Z",
                        "before", "9999-12-31T23:59:59Z");

        assertThat(of(query).range())
                .isEqualTo(
                        new TimeRange(
                                Instant.parse("1970-01-01T00:00:00Z"),
                                Instant.parse("1970-01-02T00:00:00Z")));
        assertThat(of(query).before()).contains(Instant.parse("9999-12-31T23:59:59Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1001", "ten", "1.5"})
    void limitOutsideOneToThousandIsRejected(String limit) {
        assertThatThrownBy(() -> of(Map.of("limit", limit)).limit())
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("from 1 to 1000")
                .extracting(e -> ((BadParameterException) e).parameter())
                .isEqualTo("limit");
    }

    @Test
    void limitDefaultsToOneHundred() {
        assertThat(of(Map.of()).limit()).isEqualTo(100);
        assertThat(of(Map.of("limit", "1000")).limit()).isEqualTo(1000);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "page view",
                "a/b",
                "é",
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            })
    void typeNamesOutsideThePatternAreRejected(String type) {
        assertThatThrownBy(() -> QueryParameters.typeName(type))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("[A-Za-z0-9_.:-]{1,64}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"page_view", "app.v2:click-1", "x"})
    void typeNamesInThePatternAreAccepted(String type) {
        assertThat(QueryParameters.typeName(type)).isEqualTo(type);
    }

    private static void assertBad(Map<String, String> query, String parameter) {
        assertThatThrownBy(() -> of(query).range())
                .isInstanceOf(BadParameterException.class)
                .extracting(e -> ((BadParameterException) e).parameter())
                .isEqualTo(parameter);
    }
}
