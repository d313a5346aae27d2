package io.hybridllm.launcher.attack;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import io.hybridllm.launcher.cli.Checks;
import io.hybridllm.launcher.cli.Context;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hybrid attack}: the adversarial tenant beside an honest one. */
@Command(name = "attack", description = { "An adversarial tenant against the simulated system, run closed (tenant "
        + "keys): pathological prompts for every scanner, oversized and deeply nested bodies, reply_to to internal "
        + "and foreign topics, cross-tenant reads, batches, deadlines, unservable requests, a forged control record; "
        + "beside an honest tenant at R/s for S s, alone and again under attack.",
        "Exits 1 if an attempt was not contained or an honest request was lost." })
public final class AttackCommand implements Callable<Integer> {

    private final Context context;

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "30", description = "Length of each phase "
            + "(default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "20", description = "The honest tenant's requests per "
            + "second (default: ${DEFAULT-VALUE}).")
    int rate;

    AttackCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        List<String> failed = AttackSuite.run(context.home(),
                new AttackSuite.Options(Duration.ofSeconds(Checks.atLeast(spec, "--seconds", seconds, 1)),
                        Checks.atLeast(spec, "--rate", rate, 1)),
                context.out());
        return failed.isEmpty() ? 0 : 1;
    }
}
