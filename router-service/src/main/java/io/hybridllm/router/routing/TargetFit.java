package io.hybridllm.router.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.policy.Capabilities;
import io.hybridllm.policy.Policy;
import io.hybridllm.policy.Policy.Provider;
import io.hybridllm.router.routing.TierRouter.Candidate;

/**
 * Only targets that can take the request stay candidates: tools (unless tool_choice is none), a json_schema or
 * json_object response format, images, images by URL, as {@link Capabilities} says of each provider's model. Since the
 * candidates are the whole path, failover and escalation never reach an incapable target either. Pure, like
 * {@link PaidWall}.
 */
final class TargetFit {

    /** The candidates left, and the reason naming each one skipped (none skipped: no reason). */
    record Fit(List<Candidate> candidates, Optional<String> reason) {
    }

    static Fit apply(Policy policy, LlmRequest request, List<Candidate> candidates) {
        List<Candidate> kept = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Provider provider = policy.providers().get(candidate.target().provider());
            Optional<String> refuses = provider == null ? Optional.empty()
                    : Capabilities.of(provider, candidate.target().model()).refuses(request);
            if (refuses.isPresent()) {
                skipped.add("skipped " + candidate.target().provider() + "/" + candidate.target().model() + ": "
                        + refuses.get());
            } else {
                kept.add(candidate);
            }
        }
        return new Fit(kept, skipped.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", skipped)));
    }

    /** Why a request no candidate can take fails now: nothing that comes back healthy would take it either. */
    static String unfit(String skipped, String route) {
        return "no target this request may use can take it (route: " + route + "): " + skipped
                + "; route it to a provider whose model can, or declare what a model takes under"
                + " [providers.<name>.capabilities]";
    }

    private TargetFit() {
    }
}
