package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

/**
 * A provider, and optionally the model on it, that may serve a request, and the tier it runs on. A decision's targets
 * are its whole path: those on the decision's tier first, then the tiers a request escalates to. A target without a
 * tier (written before tiers were named here) runs on the decision's tier.
 */
public record Target(String provider, String model, Tier tier) {

    public Target {
        require(provider != null && !provider.isBlank(), "provider", "is required");
    }

    public Target(String provider, String model) {
        this(provider, model, null);
    }

    /** The tier this target runs on, where the decision is on {@code decisionTier}. */
    public Tier tierOr(Tier decisionTier) {
        return tier == null ? decisionTier : tier;
    }
}
