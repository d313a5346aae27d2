package io.hybridllm.launcher.cost;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.hybridllm.contracts.pricing.PriceCatalogue;
import io.hybridllm.policy.PolicyException;
import io.hybridllm.policy.PolicyLoader;
import io.hybridllm.policy.Prices;
import io.hybridllm.policy.ReferenceModel;

/**
 * {@code hybrid cost simulate --days 30 --per-day 100 --mix FILE [--mode M] [--policy FILE] [--pricing FILE]
 * [--reference provider/model]}: what a workload would cost on pure API against the hybrid routing, with the
 * assumptions. The policy is this machine's layered lookup, as {@code hybrid up} uses it (with {@code --policy} on top,
 * in place of HYBRID_CONFIG); the prices are the catalogue the services use ({@code --pricing}, else
 * HYBRID_PRICING_FILE, else the built-in one).
 */
public final class CostSimulateCommand {

    public static final String USAGE = "usage: hybrid cost simulate --days N --per-day N --mix FILE [--mode MODE]"
            + " [--policy FILE] [--pricing FILE] [--reference provider/model]";
    private static final Set<String> FLAGS = Set.of("--days", "--per-day", "--mix", "--mode", "--policy", "--pricing",
            "--reference");

    /** {@code args} are what follows {@code hybrid cost}. */
    public static void run(List<String> args, PrintStream out) {
        if (args.isEmpty() || !args.getFirst().equals("simulate")) {
            throw new IllegalArgumentException(USAGE);
        }
        Map<String, String> flags = flags(args.subList(1, args.size()));
        int days = positive(flags, "--days");
        int perDay = positive(flags, "--per-day");
        Path mixFile = Path.of(required(flags, "--mix"));
        if (!Files.isRegularFile(mixFile)) {
            throw new IllegalArgumentException("mix file " + mixFile + ": no such file");
        }
        WorkloadMix mix = WorkloadMix.read(mixFile);
        Map<String, String> env = new HashMap<>(System.getenv());
        Optional.ofNullable(flags.get("--policy")).ifPresent(file -> env.put(PolicyLoader.ENV, file));
        PolicyLoader.Loaded loaded;
        try {
            loaded = PolicyLoader.load(
                    PolicyLoader.lookup(env, Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home"))));
        } catch (PolicyException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        String mode = Optional.ofNullable(flags.get("--mode")).orElse(loaded.policy().ai().mode());
        if (!loaded.policy().routing().containsKey(mode)) {
            throw new IllegalArgumentException("--mode is '" + mode + "'; the policy's modes are "
                    + String.join(", ", loaded.policy().routing().keySet()));
        }
        Optional<String> pricingFile = Optional.ofNullable(flags.get("--pricing"))
                .or(() -> Optional.ofNullable(System.getenv("HYBRID_PRICING_FILE")).filter(f -> !f.isBlank()));
        // As the cost service prices: by the policy's provider names, with its [cost.providers] over the catalogue.
        PriceCatalogue catalogue = Prices.resolve(
                pricingFile.map(Path::of).map(PriceCatalogue::load).orElseGet(PriceCatalogue::defaults),
                loaded.policy());
        ReferenceModel reference = ReferenceModel.resolve(Optional.ofNullable(flags.get("--reference")), "--reference",
                loaded.policy(), catalogue);
        CostSimulator.Setup setup = new CostSimulator.Setup(loaded.policy(), mode, catalogue, reference);
        CostSimulator.Result result = new CostSimulator(setup, mix).run(days, perDay);
        new SimulationReport(setup, mix, String.join(", ", loaded.sources()), pricingFile.orElse("built-in"))
                .print(result, out);
    }

    /** {@code --name value} or {@code --name=value}; each flag once. */
    private static Map<String, String> flags(List<String> args) {
        Map<String, String> flags = new HashMap<>();
        List<String> rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String arg = rest.removeFirst();
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!FLAGS.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + arg + "' for cost simulate\n" + USAGE);
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (rest.isEmpty() || rest.getFirst().startsWith("--")) {
                throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            } else {
                value = rest.removeFirst();
            }
            if (flags.put(name, value) != null) {
                throw new IllegalArgumentException(name + " is given twice");
            }
        }
        return flags;
    }

    private static String required(Map<String, String> flags, String name) {
        String value = flags.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required\n" + USAGE);
        }
        return value;
    }

    private static int positive(Map<String, String> flags, String name) {
        String value = required(flags, name);
        try {
            int number = Integer.parseInt(value);
            if (number >= 1 && number <= 1_000_000) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Said below, with the range.
        }
        throw new IllegalArgumentException(name + " is '" + value + "'; expected a whole number from 1 to 1000000");
    }

    private CostSimulateCommand() {
    }
}
