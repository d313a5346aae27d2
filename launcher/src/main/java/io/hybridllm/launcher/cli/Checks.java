package io.hybridllm.launcher.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Range checks on typed options, refused as usage errors (exit 2) that name the option. */
public final class Checks {

    private Checks() {
    }

    public static int atLeast(CommandSpec spec, String option, int value, int min) {
        return within(spec, option, value, min, Integer.MAX_VALUE);
    }

    public static int within(CommandSpec spec, String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), option + " is " + value + "; expected a whole number "
                    + (max == Integer.MAX_VALUE ? "of at least " + min : "from " + min + " to " + max));
        }
        return value;
    }

    /** Refuses {@code option} when it was given but {@code applies} is false: it would have no effect. */
    public static void onlyWith(CommandSpec spec, String option, boolean applies, String why) {
        if (!applies && spec.commandLine().getParseResult().hasMatchedOption(option)) {
            throw new ParameterException(spec.commandLine(), option + " " + why);
        }
    }
}
