package io.eventpipe.local.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Fails a command at start-up with a message naming the bad option, its value and the rule. */
final class OptionChecks {

    private OptionChecks() {}

    static void require(
            CommandSpec spec, boolean valid, String option, Object value, String requirement) {
        if (!valid) {
            throw new ParameterException(
                    spec.commandLine(),
                    String.format(
                            "Invalid value for '%s': %s but was '%s'", option, requirement, value));
        }
    }
}
