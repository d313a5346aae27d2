package io.hybridllm.launcher.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How the {@code hybrid} command reports errors: a usage error (unknown option, missing or mistyped value) names the
 * option, points at the command's help and exits 2; a value a command refuses (IllegalArgumentException) exits 2 with
 * its reason; a state it cannot work in (IllegalStateException: a service answered an error) exits 1 with its reason.
 * Anything else is a bug and keeps its stack trace.
 */
public final class Errors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    public static final int USAGE = CommandLine.ExitCode.USAGE;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        // picocli starts some messages with "Error: "; one prefix is enough.
        err.println("hybrid: " + e.getMessage().replaceFirst("^Error: ", ""));
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed)
            throws Exception {
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            command.getErr().println("hybrid: " + e.getMessage());
            return e instanceof IllegalArgumentException ? USAGE : CommandLine.ExitCode.SOFTWARE;
        }
        throw e;
    }
}
