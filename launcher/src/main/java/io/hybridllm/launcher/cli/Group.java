package io.hybridllm.launcher.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command that only groups others ({@code dlq}, {@code cost}...): named alone, it asks which one. */
public abstract class Group implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                spec.name() + " needs a command: " + String.join(", ", spec.subcommands().keySet()));
    }
}
