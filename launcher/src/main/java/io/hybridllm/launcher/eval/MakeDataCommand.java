package io.hybridllm.launcher.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.hybridllm.launcher.cli.Checks;
import io.hybridllm.launcher.cli.Context;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hybrid eval make-data}: synthetic labelled prompts ({@link SyntheticPrompts}) for {@code eval routing}. */
@Command(name = "make-data", description = "Write N synthetic labelled prompts (this project's own templates and "
        + "labelling rules, see docs/eval/README.md) for `hybrid eval routing`; the same seed gives the same file.")
final class MakeDataCommand implements Callable<Integer> {

    private final Context context;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write (replaced).")
    Path out;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1000", description = "Lines (default: "
            + "${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--noise", paramLabel = "P", defaultValue = "0.08", description = "The chance that each label is "
            + "flipped (default: ${DEFAULT-VALUE}).")
    double noise;

    MakeDataCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Checks.within(spec, "--count", count, 1, LabelledPrompt.MAX_LINES);
        if (!(noise >= 0 && noise <= 0.5)) {
            throw new ParameterException(spec.commandLine(), "--noise is " + noise + "; expected 0 to 0.5");
        }
        StringBuilder lines = new StringBuilder();
        SyntheticPrompts.generate(count, seed, noise).forEach(p -> lines.append(p.toJson()).append('\n'));
        try {
            Files.writeString(out, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        context.out().println("Wrote " + count + " labelled prompts to " + out + " (seed " + seed + ", noise " + noise
                + "). The families and their labelling rules (weak = local-fast, strong = cloud), before the noise:");
        SyntheticPrompts.FAMILIES.forEach(f -> context.out().println("  " + f.name() + ": " + f.rule()));
        return 0;
    }
}
