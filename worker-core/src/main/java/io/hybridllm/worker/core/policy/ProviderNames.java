package io.hybridllm.worker.core.policy;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Target;
import io.hybridllm.policy.Capabilities;
import io.hybridllm.policy.LivePolicy;
import io.hybridllm.policy.Policy;

/**
 * Provider names resolved through the policy in force: a routing decision names the operator's provider
 * ({@code claude}), the price catalogue lists prices under its kind ({@code anthropic}); and what each provider's
 * models can take, checked again where the call is paid for.
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

    /**
     * Why {@code target} cannot take {@code request} by the policy in force (tools, response format, images); empty
     * when it can, or when the policy does not know the provider (a worker's own backend).
     */
    public Optional<String> refuses(Target target, LlmRequest request) {
        Policy.Provider known = policy.current().providers().get(target.provider());
        return known == null ? Optional.empty() : Capabilities.of(known, target.model()).refuses(request);
    }
}
