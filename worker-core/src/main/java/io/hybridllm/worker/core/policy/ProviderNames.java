package io.hybridllm.worker.core.policy;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.policy.LivePolicy;
import io.hybridllm.policy.Policy;

/**
 * Provider names resolved through the policy in force: a routing decision names the operator's provider
 * ({@code claude}), the price catalogue lists prices under its kind ({@code anthropic}).
 */
@ApplicationScoped
public class ProviderNames {

    private final LivePolicy policy;

    public ProviderNames(LivePolicy policy) {
        this.policy = policy;
    }

    /** The name the price catalogue lists {@code provider}'s prices under: its kind's; the name itself if unknown. */
    public String priceKey(String provider) {
        Policy.Provider known = policy.current().providers().get(provider);
        return known == null ? provider : known.kind().wireName();
    }
}
