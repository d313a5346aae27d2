package io.hybridllm.launcher.faults;

import java.util.List;
import java.util.concurrent.Callable;

import io.hybridllm.launcher.cli.Checks;
import io.hybridllm.launcher.cli.Context;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hybrid faults}: the fault-injection suite, one seed or a range on one system. */
@Command(name = "faults", description = { "Fault-injection run on the simulated system: N requests at R/s through "
        + "Kafka and HTTP while workers are SIGKILLed in ways the seed draws (a crash, both at once, during a restart, "
        + "during a broker or database restart), Kafka and PostgreSQL restart once at moments the seed draws, "
        + "ingest and cost are stopped with SIGTERM and started again once each (a rolling restart), "
        + "providers fail and one goes down, and poison goes to every topic and endpoint.",
        "Prints the checks (nothing lost, nothing answered twice, ...); exit 1 if one fails. --seeds runs one seed "
                + "after another on one system: a line per seed and a total." })
public final class FaultsCommand implements Callable<Integer> {

    private final Context context;

    @Spec
    CommandSpec spec;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "50000", description = "Requests per seed "
            + "(default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "100", description = "Submissions per second "
            + "(default: ${DEFAULT-VALUE}).")
    int rate;

    @ArgGroup(exclusive = true)
    Seeds seeds = new Seeds();

    static final class Seeds {
        @Option(names = "--seed", paramLabel = "N", description = "The seed every random choice follows (default: 1).")
        Long seed;

        @Option(names = "--seeds", paramLabel = "FIRST..LAST", description = "Run these seeds one after another.")
        String range;
    }

    FaultsCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Checks.atLeast(spec, "--requests", requests, 10);
        Checks.atLeast(spec, "--rate", rate, 1);
        String range = seeds.range != null ? seeds.range : String.valueOf(seeds.seed == null ? 1 : seeds.seed);
        List<String> failed = FaultSuite.run(context.home(), FaultSuite.seeds(range, requests, rate), context.out());
        return failed.isEmpty() ? 0 : 1;
    }
}
