package io.eventpipe.local.cli;

import io.eventpipe.local.ServerStartException;
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
        return new CommandLine(new PipelineCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(PipelineCli::reportFailure);
    }

    // A server that cannot start is the user's to fix (a port taken, a full disk), and its
    // message already names the port and the log file: print that, not a stack trace. Anything
    // else is a bug in this command, where the stack trace is what a report needs.
    private static int reportFailure(
            Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult)
            throws Exception {
        if (!(failure instanceof ServerStartException)) {
            throw failure;
        }
        commandLine.getErr().println(failure.getMessage());
        return 1;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
