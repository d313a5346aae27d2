package io.hybridllm.launcher.cost;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.hybridllm.contracts.pricing.PriceCatalogue;
import io.hybridllm.launcher.cli.Checks;
import io.hybridllm.launcher.cli.Context;
import io.hybridllm.policy.PolicyException;
import io.hybridllm.policy.PolicyLoader;
import io.hybridllm.policy.Prices;
import io.hybridllm.policy.ReferenceModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hybrid cost simulate --days 30 --per-day 100 --mix FILE [--mode M] [--policy FILE] [--pricing FILE]
 * [--reference provider/model]}: what a workload would cost on pure API against the hybrid routing, with the
 * assumptions. The policy is this machine's layered lookup, as {@code hybrid up} uses it (with {@code --policy} on top,
 * in place of HYBRID_CONFIG); the prices are the catalogue the services use ({@code --pricing}, else
 * HYBRID_PRICING_FILE, else the built-in one).
 */
@Command(name = "simulate", description = "Price a workload mix (TOML or JSON, see docs/costs.md) through the routing "
        + "policy and the price catalogue: pure API against hybrid.")
public final class CostSimulateCommand implements Callable<Integer> {

    private final Context context;

    @Spec
    CommandSpec spec;

    @Option(names = "--days", paramLabel = "N", required = true, description = "Days to price (1 to 1000000).")
    int days;

    @Option(names = "--per-day", paramLabel = "N", required = true, description = "Requests a day (1 to 1000000).")
    int perDay;

    @Option(names = "--mix", paramLabel = "FILE", required = true, description = "The workload mix.")
    Path mixFile;

    @Option(names = "--mode", paramLabel = "MODE", description = "A routing mode of the policy (default: its "
            + "ai.mode).")
    String mode;

    @Option(names = "--policy", paramLabel = "FILE", description = "A policy file over the lookup, in place of "
            + "HYBRID_CONFIG.")
    Path policy;

    @Option(names = "--pricing", paramLabel = "FILE", description = "A price catalogue (default: "
            + "HYBRID_PRICING_FILE, else the built-in one).")
    Path pricing;

    @Option(names = "--reference", paramLabel = "provider/model", description = "The model pure API is priced with "
            + "(default: the policy's reference).")
    String reference;

    CostSimulateCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Checks.within(spec, "--days", days, 1, 1_000_000);
        Checks.within(spec, "--per-day", perDay, 1, 1_000_000);
        if (!Files.isRegularFile(mixFile)) {
            throw new IllegalArgumentException("mix file " + mixFile + ": no such file");
        }
        WorkloadMix mix = WorkloadMix.read(mixFile);
        Map<String, String> env = new HashMap<>(System.getenv());
        Optional.ofNullable(policy).ifPresent(file -> env.put(PolicyLoader.ENV, file.toString()));
        PolicyLoader.Loaded loaded;
        try {
            loaded = PolicyLoader.load(
                    PolicyLoader.lookup(env, Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home"))));
        } catch (PolicyException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        String routing = Optional.ofNullable(mode).orElse(loaded.policy().ai().mode());
        if (!loaded.policy().routing().containsKey(routing)) {
            throw new IllegalArgumentException("--mode is '" + routing + "'; the policy's modes are "
                    + String.join(", ", loaded.policy().routing().keySet()));
        }
        Optional<String> pricingFile = Optional.ofNullable(pricing).map(Path::toString)
                .or(() -> Optional.ofNullable(System.getenv("HYBRID_PRICING_FILE")).filter(f -> !f.isBlank()));
        // As the cost service prices: by the policy's provider names, with its [cost.providers] over the catalogue.
        PriceCatalogue catalogue = Prices.resolve(
                pricingFile.map(Path::of).map(PriceCatalogue::load).orElseGet(PriceCatalogue::defaults),
                loaded.policy());
        ReferenceModel against = ReferenceModel.resolve(Optional.ofNullable(reference), "--reference", loaded.policy(),
                catalogue);
        CostSimulator.Setup setup = new CostSimulator.Setup(loaded.policy(), routing, catalogue, against);
        CostSimulator.Result result = new CostSimulator(setup, mix).run(days, perDay);
        new SimulationReport(setup, mix, String.join(", ", loaded.sources()), pricingFile.orElse("built-in"))
                .print(result, context.out());
        return 0;
    }
}
