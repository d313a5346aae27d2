package io.hybridllm.router.routing;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.pricing.PriceCatalogue;
import io.hybridllm.policy.Policy;
import io.hybridllm.router.routing.TierRouter.Candidate;

/**
 * {@code [cost] unpriced_models = "refuse"}: while a budget is in force for the request, no paid (cloud) target whose
 * model the prices in force cannot price, since its spend could not be counted. The prices are the cost service's: the
 * catalogue found through the policy by the provider's kind, with {@code [cost.providers]} on top (see
 * {@link io.hybridllm.policy.Prices}). With {@code most_expensive} (the default) such calls are made and the cost
 * service counts them at the most they could cost. Pure.
 */
final class UnpricedModelRefusal {

    /** The candidates left, and the reason naming those dropped (none dropped: no reason). */
    record Kept(List<Candidate> candidates, Optional<String> reason) {
    }

    /** {@code prices}: the prices under {@code policy}, keyed by its provider names. */
    static Kept apply(Policy policy, PriceCatalogue prices, List<Candidate> candidates, boolean budgetInForce) {
        if (policy.cost().unpricedModels() != Policy.UnpricedModels.REFUSE || !budgetInForce) {
            return new Kept(candidates, Optional.empty());
        }
        List<Candidate> kept = candidates.stream().filter(c -> c.tier() != Tier.CLOUD || priced(prices, c)).toList();
        String dropped = candidates.stream().filter(c -> !kept.contains(c))
                .map(c -> c.target().provider() + "/" + c.target().model()).collect(Collectors.joining(", "));
        return new Kept(kept,
                dropped.isEmpty() ? Optional.empty()
                        : Optional.of("cost.unpriced_models = refuse with a budget in force: not " + dropped
                                + " (prices " + prices.version() + " do not price it)"));
    }

    private static boolean priced(PriceCatalogue prices, Candidate candidate) {
        return prices.price(candidate.target().provider(), candidate.target().model(), TokenUsage.NONE, 0).isPresent();
    }

    private UnpricedModelRefusal() {
    }
}
