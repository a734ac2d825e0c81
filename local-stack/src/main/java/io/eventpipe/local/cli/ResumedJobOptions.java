package io.eventpipe.local.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which job options a job resumed from a savepoint or checkpoint runs with: the ones stored
 * by the run that wrote that state, since a restored job with another field mapping or window size
 * would mix its results with the old ones.
 *
 * <p>Options are compared by name and value(s), so {@code --a=1} equals {@code --a 1} and their
 * order does not matter. A token after an option counts as its value unless it starts with "--".
 */
final class ResumedJobOptions {

    /** What {@code up} does with the options given on its command line. */
    enum Outcome {
        /** No options were given: the stored ones are used again. */
        REUSE,
        /** The given options match the stored ones. */
        SAME,
        /** The given options differ from the stored ones: nothing may start. */
        REFUSE
    }

    /** The outcome, the options to submit (empty when refused) and the options that differ. */
    record Decision(Outcome outcome, List<String> options, Set<String> differing) {}

    private ResumedJobOptions() {}

    /**
     * @param stored the options the last submitted job ran with
     * @param given the options on this command line, as the user typed them
     * @param withDefaults the given options plus what {@code up} adds when missing
     */
    static Decision decide(List<String> stored, List<String> given, List<String> withDefaults) {
        if (given.isEmpty()) {
            return new Decision(Outcome.REUSE, stored, Set.of());
        }
        Set<String> differing = differing(byName(stored), byName(withDefaults));
        return differing.isEmpty()
                ? new Decision(Outcome.SAME, withDefaults, Set.of())
                : new Decision(Outcome.REFUSE, List.of(), differing);
    }

    private static Set<String> differing(
            Map<String, List<String>> stored, Map<String, List<String>> given) {
        Set<String> names = new TreeSet<>(stored.keySet());
        names.addAll(given.keySet());
        names.removeIf(name -> Objects.equals(stored.get(name), given.get(name)));
        return names;
    }

    /** The values of each option by its name; a flag without a value gets none. */
    static Map<String, List<String>> byName(List<String> options) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < options.size(); i++) {
            String token = options.get(i);
            int equals = token.indexOf('=');
            String name = equals > 0 ? token.substring(0, equals) : token;
            List<String> list = values.computeIfAbsent(name, key -> new ArrayList<>());
            if (equals > 0) {
                list.add(token.substring(equals + 1));
            } else if (i + 1 < options.size() && !options.get(i + 1).startsWith("--")) {
                list.add(options.get(++i));
            }
        }
        return values;
    }
}
