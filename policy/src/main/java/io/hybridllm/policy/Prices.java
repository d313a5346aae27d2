package io.hybridllm.policy;

import java.util.LinkedHashMap;
import java.util.Map;

import io.hybridllm.contracts.pricing.PriceCatalogue;
import io.hybridllm.contracts.pricing.PriceCatalogue.ModelPrice;
import io.hybridllm.contracts.pricing.PriceCatalogue.PricingModel;
import io.hybridllm.contracts.pricing.PriceCatalogue.ProviderPricing;

/**
 * The prices in force under a policy, the one place a provider's name becomes a price: each provider the policy defines
 * is priced under its own name ({@code claude}) at the catalogue's prices for its kind ({@code anthropic}), or at its
 * {@code [cost.providers.<name>]} where it has one; a name the policy does not define (an older event's) keeps the
 * catalogue's entry of that name. The cost service and the router both price through it, so a call the router counts as
 * priced is one the cost service prices, and reports keep the operator's names.
 */
public final class Prices {

    private final PriceCatalogue catalogue;
    private volatile Resolved last;

    private record Resolved(Policy policy, PriceCatalogue prices) {
    }

    /** Over {@code catalogue}: the shipped defaults or the operator's pricing file. */
    public Prices(PriceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The catalogue under every policy. */
    public PriceCatalogue catalogue() {
        return catalogue;
    }

    /** The prices under {@code policy}, worked out once per policy in force (a change of policy changes them). */
    public PriceCatalogue under(Policy policy) {
        Resolved resolved = last;
        if (resolved == null || resolved.policy() != policy) {
            resolved = new Resolved(policy, resolve(catalogue, policy));
            last = resolved;
        }
        return resolved.prices();
    }

    /**
     * {@code catalogue} keyed by the policy's provider names. Its version is the catalogue's, marked with the policy's
     * where {@code [cost.providers]} changes a price, so that a priced event says where its price came from.
     */
    public static PriceCatalogue resolve(PriceCatalogue catalogue, Policy policy) {
        Map<String, ProviderPricing> providers = new LinkedHashMap<>(catalogue.providers());
        Map<String, Policy.ProviderPrice> overrides = policy.cost().providers();
        policy.providers().forEach((name, provider) -> {
            ProviderPricing pricing = overrides.containsKey(name) ? pricing(overrides.get(name))
                    : catalogue.providers().get(provider.kind().wireName());
            if (pricing == null) {
                providers.remove(name); // an entry under this name would price another kind
            } else {
                providers.put(name, pricing);
            }
        });
        String version = overrides.isEmpty() ? catalogue.version()
                : catalogue.version() + " with [cost.providers] of policy " + policy.version();
        return new PriceCatalogue(version, providers);
    }

    /** A {@code [cost.providers.<name>]} table as catalogue pricing; the policy reader made sure it is complete. */
    static ProviderPricing pricing(Policy.ProviderPrice price) {
        return switch (price.pricingModel()) {
            case CostProvidersReader.SUBSCRIPTION ->
                    new ProviderPricing(PricingModel.SUBSCRIPTION, Map.of(), price.monthlyCost(), null, null);
            case CostProvidersReader.FREE -> new ProviderPricing(PricingModel.FREE, Map.of());
            default -> new ProviderPricing(PricingModel.TOKEN, Map.of(), null, null, null,
                    new ModelPrice(price.inputCostPer1mTokens(), price.outputCostPer1mTokens()));
        };
    }
}
