package io.hybridllm.cost.pricing;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.contracts.pricing.PriceCatalogue;
import io.hybridllm.cost.config.PolicyInForce;
import io.hybridllm.policy.Policy;
import io.hybridllm.policy.Prices;

/**
 * The prices usage is charged at now: the catalogue, found through the policy in force by each provider's kind, with
 * the policy's {@code [cost.providers]} on top (see {@link Prices}). A policy published on {@code llm.control} changes
 * them for every event priced after it; events priced before keep the price and version they were recorded with.
 */
@ApplicationScoped
public class PricesInForce {

    private final Prices prices;
    private final PolicyInForce policy;

    public PricesInForce(PriceCatalogue catalogue, PolicyInForce policy) {
        this.prices = new Prices(catalogue);
        this.policy = policy;
    }

    public PriceCatalogue current() {
        return prices.under(policy.current());
    }

    /** The prices under {@code policy}, for a caller that reads the policy in force itself and must agree with it. */
    public PriceCatalogue under(Policy inForce) {
        return prices.under(inForce);
    }
}
