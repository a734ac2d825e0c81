package io.eventpipe.local.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code ./pipeline} command: one picocli subcommand per task on the local stack.
 *
 * <p>Exit codes: 0 success, 1 a run that failed (see the message), 2 a usage error, 130 stopped by
 * Ctrl-C.
 */
@Command(
        name = "pipeline",
        mixinStandardHelpOptions = true,
        description = "Runs the event pipeline on this machine and feeds it events.",
        subcommands = {
            CommandLine.HelpCommand.class,
            UpCommand.class,
            DownCommand.class,
            StatusCommand.class,
            GenerateCommand.class,
            ReplayCommand.class,
            DeadLettersCommand.class,
        })
public final class PipelineCli implements Runnable {

    @Spec private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /** Builds the command line with the project's parser settings. */
    public static CommandLine commandLine() {
        return new CommandLine(new PipelineCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
