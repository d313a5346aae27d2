package io.hybridllm.launcher.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.pricing.PriceCatalogue;
import io.hybridllm.policy.Policy;
import io.hybridllm.policy.ReferenceModel;
import io.hybridllm.policy.RouteResolver;
import io.hybridllm.policy.RouteResolver.Depth;

/**
 * Prices a workload mix through the routing policy and the price catalogue. Pure and exact: it computes the expected
 * figures of {@code days x perDay} requests (no random draw), so the same mix always gives the same result.
 * <p>
 * Each task type's requests spread over the depths of its complexity; each (task type, depth) goes where the router
 * would send it, by {@link RouteResolver} in the mode: the first enabled provider of its route, a local one on
 * local-fast for a quick request and on local-quality otherwise (as its tier models allow, like the router). Of the
 * requests answered locally, {@code escalate_share} fail the quality check and are answered again by the route's first
 * cloud provider. Pure API prices every request's tokens on the reference cloud model, as the savings report does.
 */
public final class CostSimulator {

    /** The policy, its mode, the prices and the reference; the same for every mix. */
    public record Setup(Policy policy, String mode, PriceCatalogue catalogue, ReferenceModel reference) {
    }

    /** Where a request is answered: provider (as the catalogue names it), model and tier. */
    public record Target(String provider, String model, Tier tier) {

        @Override
        public String toString() {
            return provider + "/" + model + " on " + tier.wireName();
        }
    }

    /** The expected requests of one task type at one depth, where they go and what they cost. */
    public record Cell(Depth depth, BigDecimal requests, Target answeredBy, Optional<Target> escalatedTo,
            BigDecimal escalated, BigDecimal pureApiUsd, BigDecimal hybridUsd) {
    }

    public record TaskResult(WorkloadMix.Task task, BigDecimal requests, List<Cell> cells, BigDecimal pureApiUsd,
            BigDecimal hybridUsd) {
    }

    public record Result(int days, int perDay, List<TaskResult> tasks, BigDecimal pureApiUsd, BigDecimal hybridUsd) {

        public BigDecimal savingsUsd() {
            return pureApiUsd.subtract(hybridUsd);
        }

        /** Savings in percent of the pure-API cost, to two decimals; 0 when pure API costs nothing. */
        public BigDecimal savingsPercent() {
            return pureApiUsd.signum() == 0 ? BigDecimal.ZERO
                    : savingsUsd().multiply(BigDecimal.valueOf(100)).divide(pureApiUsd, 2, RoundingMode.HALF_UP);
        }
    }

    private final Setup setup;
    private final WorkloadMix mix;

    public CostSimulator(Setup setup, WorkloadMix mix) {
        this.setup = setup;
        this.mix = mix;
    }

    public Result run(int days, int perDay) {
        BigDecimal total = BigDecimal.valueOf((long) days * perDay);
        List<TaskResult> tasks = new ArrayList<>();
        BigDecimal pureApi = BigDecimal.ZERO;
        BigDecimal hybrid = BigDecimal.ZERO;
        for (WorkloadMix.Task task : mix.tasks().values()) {
            BigDecimal requests = total.multiply(task.share());
            List<Cell> cells = new ArrayList<>();
            BigDecimal taskPure = BigDecimal.ZERO;
            BigDecimal taskHybrid = BigDecimal.ZERO;
            for (Depth depth : Depth.values()) {
                BigDecimal share = task.complexity().get(depth);
                if (share.signum() == 0) {
                    continue;
                }
                Cell cell = cell(task, depth, requests.multiply(share));
                cells.add(cell);
                taskPure = taskPure.add(cell.pureApiUsd());
                taskHybrid = taskHybrid.add(cell.hybridUsd());
            }
            tasks.add(new TaskResult(task, requests, cells, taskPure, taskHybrid));
            pureApi = pureApi.add(taskPure);
            hybrid = hybrid.add(taskHybrid);
        }
        return new Result(days, perDay, tasks, pureApi, hybrid);
    }

    private Cell cell(WorkloadMix.Task task, Depth depth, BigDecimal requests) {
        Policy policy = setup.policy();
        RouteResolver.Resolution route = RouteResolver.resolve(policy, setup.mode(), task.type(), depth, null);
        String where = task.type().name() + " (" + depth.name().toLowerCase(Locale.ROOT) + ") in mode " + setup.mode();
        if (route.providers().isEmpty()) {
            throw new IllegalArgumentException(
                    "the policy routes " + where + " to no enabled provider (" + route.because() + ")");
        }
        TokenUsage usage = new TokenUsage(Math.toIntExact(task.tokensIn()), Math.toIntExact(task.tokensOut()));
        Policy.Provider first = route.providers().getFirst();
        Target answeredBy = target(first, depth);
        BigDecimal hybrid = requests.multiply(price(answeredBy, first, usage, where));
        Optional<Target> escalatedTo = Optional.empty();
        BigDecimal escalated = BigDecimal.ZERO;
        if (first.isLocal() && task.escalateShare().signum() > 0) {
            Optional<Policy.Provider> cloud = route.providers().stream().filter(p -> !p.isLocal()).findFirst();
            if (cloud.isPresent()) {
                escalatedTo = Optional.of(target(cloud.get(), depth));
                escalated = requests.multiply(task.escalateShare());
                hybrid = hybrid.add(escalated.multiply(price(escalatedTo.get(), cloud.get(), usage, where)));
            }
        }
        BigDecimal pureApi = requests.multiply(setup.reference().cost(task.tokensIn(), task.tokensOut()));
        return new Cell(depth, requests, answeredBy, escalatedTo, escalated, pureApi, hybrid);
    }

    /** Where the router runs a provider: a cloud one on the cloud tier, a local one on the tier its depth calls for. */
    private Target target(Policy.Provider provider, Depth depth) {
        String name = ReferenceModel.catalogueName(setup.catalogue(), provider);
        if (!provider.isLocal()) {
            return new Target(name, provider.model(), Tier.CLOUD);
        }
        Tier tier = depth == Depth.QUICK ? Tier.LOCAL_FAST : Tier.LOCAL_QUALITY;
        if (!provider.tierModels().isEmpty() && !provider.tierModels().containsKey(tier)) {
            tier = tier == Tier.LOCAL_FAST ? Tier.LOCAL_QUALITY : Tier.LOCAL_FAST;
        }
        String model = provider.tierModels().getOrDefault(tier,
                provider.model() != null ? provider.model() : provider.models().stream().findFirst().orElse(null));
        return new Target(name, model, tier);
    }

    /** One call's price; a call the catalogue cannot price stops the simulation: unknown is not free. */
    private BigDecimal price(Target target, Policy.Provider provider, TokenUsage usage, String where) {
        PriceCatalogue catalogue = setup.catalogue();
        boolean byTheHour = Optional.ofNullable(catalogue.providers().get(target.provider()))
                .filter(p -> p.pricingModel() == PriceCatalogue.PricingModel.GPU_HOUR).isPresent();
        if (byTheHour && mix.localCallMs().isEmpty()) {
            throw new IllegalArgumentException("mix file " + mix.source() + ": assumptions.local_call_ms: is missing;"
                    + " " + target.provider() + " is priced by the GPU hour, so a call's duration is needed");
        }
        long latencyMs = byTheHour ? mix.localCallMs().orElseThrow() : 0;
        return catalogue.price(target.provider(), target.model(), usage, latencyMs).orElseThrow(
                () -> new IllegalArgumentException("price catalogue " + catalogue.version() + " has no price for "
                        + target.provider() + "/" + target.model() + " (policy provider " + provider.name() + ", where "
                        + where + " goes); add it to the catalogue, or pass" + " --pricing FILE"));
    }
}
