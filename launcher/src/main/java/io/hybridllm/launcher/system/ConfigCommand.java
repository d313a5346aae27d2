package io.hybridllm.launcher.system;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.hybridllm.launcher.cli.Context;
import io.hybridllm.launcher.cli.Group;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hybrid config check [FILE]}. */
@Command(name = "config", description = "The routing policy.", subcommands = ConfigCommand.Check.class)
public final class ConfigCommand extends Group {

    @Command(name = "check", description = "Validate the routing policy (this machine's layered lookup, with FILE on "
            + "top) and print the effective policy, or every problem in it. Exit 1 if it is invalid.")
    static final class Check implements Callable<Integer> {

        private final Context context;

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "A policy file over the lookup, in place of "
                + "HYBRID_CONFIG.")
        Path file;

        Check(Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            return ConfigCheck.run(file == null ? List.of() : List.of(file.toString()), context.out(), context.err());
        }
    }
}
