package io.eventpipe.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.local.cli.ResumedJobOptions.Decision;
import io.eventpipe.local.cli.ResumedJobOptions.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResumedJobOptionsTest {

    private static final List<String> STORED =
            List.of("--type-field", "/kind", "--bootstrap-servers", "127.0.0.1:9092");

    @Test
    void reusesTheStoredOptionsWhenNoneAreGiven() {
        Decision decision = ResumedJobOptions.decide(STORED, List.of(), defaults(List.of()));

        assertThat(decision.outcome()).isEqualTo(Outcome.REUSE);
        assertThat(decision.options()).isEqualTo(STORED);
    }

    @Test
    void acceptsTheSameOptionsInAnotherOrderAndSpelling() {
        List<String> given = List.of("--bootstrap-servers=127.0.0.1:9092", "--type-field=/kind");

        Decision decision = ResumedJobOptions.decide(STORED, given, given);

        assertThat(decision.outcome()).isEqualTo(Outcome.SAME);
        assertThat(decision.options()).isEqualTo(given);
    }

    @Test
    void acceptsTheSameOptionsWithTheDefaultAddedByUp() {
        List<String> given = List.of("--type-field", "/kind");

        Decision decision = ResumedJobOptions.decide(STORED, given, defaults(given));

        assertThat(decision.outcome()).isEqualTo(Outcome.SAME);
    }

    @Test
    void refusesAnotherValueAndNamesTheOption() {
        List<String> given = List.of("--type-field", "/type");

        Decision decision = ResumedJobOptions.decide(STORED, given, defaults(given));

        assertThat(decision.outcome()).isEqualTo(Outcome.REFUSE);
        assertThat(decision.differing()).containsExactly("--type-field");
        assertThat(decision.options()).isEmpty();
    }

    @Test
    void refusesAnAddedOrMissingOption() {
        List<String> given = List.of("--window-size", "5m", "--dry-flag");

        Decision decision = ResumedJobOptions.decide(STORED, given, defaults(given));

        assertThat(decision.outcome()).isEqualTo(Outcome.REFUSE);
        assertThat(decision.differing())
                .containsExactly("--dry-flag", "--type-field", "--window-size");
    }

    /** What up submits: the given options plus the local Kafka when not given. */
    private static List<String> defaults(List<String> given) {
        List<String> options = new ArrayList<>(given);
        if (!String.join(" ", given).contains("--bootstrap-servers")) {
            options.addAll(List.of("--bootstrap-servers", "127.0.0.1:9092"));
        }
        return options;
    }
}
