package io.hybridllm.launcher.cost;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.hybridllm.contracts.pricing.PriceCatalogue;
import io.hybridllm.policy.Policy;
import io.hybridllm.policy.ReferenceModel;

/** The simulation as text: the assumptions first, then each task type, then pure API against hybrid. */
record SimulationReport(CostSimulator.Setup setup, WorkloadMix mix, String policySources, String pricingSource) {

    void print(CostSimulator.Result result, PrintStream out) {
        long requests = (long) result.days() * result.perDay();
        out.printf(Locale.ROOT, "Cost simulation: %d days x %d requests a day = %d requests (expected figures, not a"
                + " random draw)%n%n", result.days(), result.perDay(), requests);
        out.println("Assumptions");
        out.println("  mix        " + mix.source());
        out.println("  policy     version " + setup.policy().version() + ", mode " + setup.mode() + " (from "
                + policySources + ")");
        out.println("  prices     catalogue " + setup.catalogue().version() + " (" + pricingSource + ")");
        ReferenceModel reference = setup.reference();
        out.println("  pure API   every request on " + reference.provider() + "/" + reference.model() + " at $"
                + plain(reference.price().inputPer1m()) + " in, $" + plain(reference.price().outputPer1m())
                + " out per 1M tokens");
        out.println("  local      " + localPricing());
        out.println("  escalation local answers failing the quality check (escalate_share) are answered again by"
                + " the route's first cloud provider");
        out.println();
        out.printf(Locale.ROOT, "%-16s %6s %9s %14s %12s %12s%n", "task type", "share", "requests", "tokens in/out",
                "pure API", "hybrid");
        for (CostSimulator.TaskResult task : result.tasks()) {
            out.printf(Locale.ROOT, "%-16s %5s%% %9s %14s %12s %12s%n", task.task().type().name(),
                    plain(task.task().share().multiply(BigDecimal.valueOf(100))), count(task.requests()),
                    task.task().tokensIn() + "/" + task.task().tokensOut(), usd(task.pureApiUsd()),
                    usd(task.hybridUsd()));
            for (CostSimulator.Cell cell : task.cells()) {
                String escalation = cell.escalatedTo().map(to -> ", " + count(cell.escalated()) + " escalated to " + to)
                        .orElse("");
                out.printf(Locale.ROOT, "    %-7s %9s -> %s%s%n", cell.depth().name().toLowerCase(Locale.ROOT),
                        count(cell.requests()), cell.answeredBy(), escalation);
            }
        }
        out.println();
        out.printf(Locale.ROOT, "Pure API  %12s%n", usd(result.pureApiUsd()));
        out.printf(Locale.ROOT, "Hybrid    %12s%n", usd(result.hybridUsd()));
        out.printf(Locale.ROOT, "Savings   %12s  (%s%%)%n", usd(result.savingsUsd()),
                result.savingsPercent().toPlainString());
        Map<String, BigDecimal> fees = new TreeMap<>(setup.catalogue().monthlyFees());
        fees.keySet().retainAll(setup.policy().providers().values().stream().filter(Policy.Provider::enabled)
                .map(p -> ReferenceModel.catalogueName(setup.catalogue(), p)).toList());
        if (!fees.isEmpty()) {
            out.println("Not included: subscription fees (" + fees.entrySet().stream()
                    .map(e -> e.getKey() + " $" + plain(e.getValue()) + "/month").collect(Collectors.joining(", "))
                    + "), fixed whatever the traffic.");
        }
    }

    /** How the catalogue prices the policy's local providers. */
    private String localPricing() {
        return setup.policy().providers().values().stream().filter(p -> p.isLocal() && p.enabled()).map(p -> {
            String name = ReferenceModel.catalogueName(setup.catalogue(), p);
            PriceCatalogue.ProviderPricing pricing = setup.catalogue().providers().get(name);
            if (pricing == null) {
                return name + ": not in the catalogue";
            }
            return switch (pricing.pricingModel()) {
                case GPU_HOUR -> name + ": $" + plain(pricing.gpuHourUsd()) + " a GPU hour, "
                        + pricing.concurrentCalls() + " calls at a time, "
                        + mix.localCallMs().map(ms -> ms + " ms a call").orElse("call duration not given");
                case FREE -> name + ": free";
                case SUBSCRIPTION -> name + ": subscription";
                case TOKEN -> name + ": per token";
            };
        }).collect(Collectors.joining("; "));
    }

    private static String usd(BigDecimal value) {
        return "$" + String.format(Locale.ROOT, "%,.2f", value.setScale(2, RoundingMode.HALF_UP));
    }

    private static String count(BigDecimal value) {
        return plain(value.setScale(1, RoundingMode.HALF_UP));
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
