package io.hybridllm.router.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Tier;
import io.hybridllm.policy.Policy;
import io.hybridllm.policy.Policy.Provider;
import io.hybridllm.router.routing.TierRouter.Candidate;

/**
 * A request that names a concrete model ({@code hints.context.model}, e.g. from {@code "model": "gpt-4o"} on the OpenAI
 * API) gets that model, on the providers that serve it, or no answer at all: a client that asked for a model must not
 * silently get another. A provider serves a model it declares ({@code model}, {@code models}, {@code tier_models}); the
 * cloud provider the request names ({@code hints.provider}) serves any model of its API. Failover stays only among
 * candidates that serve the same model. Pure, like {@link RouteResolver}.
 */
final class ModelPinning {

    /** The key of {@code hints.context} that names the model. */
    static final String CONTEXT_KEY = "model";

    /** The candidates left, each on the model, and what the rule says about it. */
    record Pinned(List<Candidate> candidates, String reason) {
    }

    static Optional<String> wanted(LlmRequest request) {
        return Optional.ofNullable(request.hints().context().get(CONTEXT_KEY)).filter(model -> !model.isBlank());
    }

    static Pinned pin(Policy policy, String model, String named, List<Candidate> candidates) {
        Map<String, Candidate> kept = new LinkedHashMap<>();
        List<String> dropped = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Provider provider = policy.providers().get(candidate.target().provider());
            if (provider == null || !serves(provider, model, named)) {
                dropped.add(candidate.target().provider() + "/" + candidate.target().model());
                continue;
            }
            Tier tier = provider.tierModels().entrySet().stream().filter(e -> e.getValue().equals(model))
                    .map(Map.Entry::getKey).findFirst().orElse(candidate.tier());
            kept.putIfAbsent(tier + "/" + provider.name(), new Candidate(tier, new Target(provider.name(), model)));
        }
        List<Candidate> pinned = List.copyOf(kept.values());
        String on = pinned.stream().map(c -> c.target().provider() + " on " + c.tier().wireName())
                .collect(Collectors.joining(", "));
        String reason = "model " + model + " as the request names it (hints.context.model)"
                + (pinned.isEmpty() ? "" : ": " + on)
                + (dropped.isEmpty() ? "" : "; not " + String.join(", ", dropped) + " (another model)");
        return new Pinned(pinned, reason);
    }

    /** Why a request naming {@code model} cannot be routed when no candidate serves it. */
    static String unserved(String model, String route, Optional<String> mustStayLocal) {
        return "no enabled provider this request may use serves the model " + model + " it names (route: " + route + ")"
                + mustStayLocal.map(why -> "; cloud not allowed, " + why).orElse("")
                + "; name a model a provider declares, or auto";
    }

    private static boolean serves(Provider provider, String model, String named) {
        return model.equals(provider.model()) || provider.models().contains(model)
                || provider.tierModels().containsValue(model) || (!provider.isLocal() && provider.name().equals(named));
    }

    private ModelPinning() {
    }
}
