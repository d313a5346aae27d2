package io.hybridllm.launcher.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.hybridllm.launcher.Hybrid;

import picocli.CommandLine;

/** Runs the {@code hybrid} command in this JVM and keeps what it printed. */
public final class CommandLines {

    /** What one run left: its exit code, standard output and standard error. */
    public record Run(int exit, String out, String err) {
    }

    private CommandLines() {
    }

    public static Run run(Path state, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = commandLine(state, out, err).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The command line parsed only (nothing runs): the command it names, with its typed options set. */
    public static Object parse(Path state, String... args) {
        CommandLine.ParseResult result = commandLine(state, new ByteArrayOutputStream(), new ByteArrayOutputStream())
                .parseArgs(args);
        while (result.hasSubcommand()) {
            result = result.subcommand();
        }
        return result.commandSpec().userObject();
    }

    private static CommandLine commandLine(Path state, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        Path home = Path.of(System.getProperty("hybrid.home", "..")).toAbsolutePath().normalize();
        return Hybrid.commandLine(new Context(home, state, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
    }
}
