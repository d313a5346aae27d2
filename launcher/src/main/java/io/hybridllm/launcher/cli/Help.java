package io.hybridllm.launcher.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hybrid help [COMMAND...]}, as {@code --help} after the command. picocli's own help command declares
 * {@code -h}, which clashes with the {@code --help} every command inherits from the root.
 */
@Command(name = "help", helpCommand = true, description = "This text, or a command's: help COMMAND [SUBCOMMAND].")
public final class Help implements Runnable {

    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "The command to describe.")
    List<String> names = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        CommandLine target = spec.parent().commandLine();
        for (String name : names) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                throw new ParameterException(spec.commandLine(),
                        "unknown command '" + name + "'; the commands of " + target.getCommandSpec().qualifiedName()
                                + " are " + String.join(", ", target.getSubcommands().keySet()));
            }
            target = sub;
        }
        target.usage(spec.commandLine().getOut());
    }
}
