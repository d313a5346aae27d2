package io.hybridllm.router.routing;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.policy.Policy.Provider;

/**
 * Embeddings or chat: a provider whose kind's API cannot serve the request's task is no candidate for it (Anthropic and
 * xAI have no embeddings API, the in-process model cannot chat; {@link io.hybridllm.contracts.ProviderKind#serves} says
 * which). The decision names those passed over. Pure, like {@link PaidWall}.
 */
final class TaskCapability {

    /** The providers that can serve the request, and the reason naming those passed over (none: no reason). */
    record Kept(List<Provider> providers, Optional<String> reason) {
    }

    static Kept apply(List<Provider> providers, LlmRequest request) {
        List<Provider> able = providers.stream().filter(p -> p.kind().serves(request)).toList();
        String skipped = providers.stream().filter(p -> !p.kind().serves(request))
                .map(p -> p.name() + " (" + p.kind().wireName() + ")").collect(Collectors.joining(", "));
        return new Kept(able,
                skipped.isEmpty() ? Optional.empty()
                        : Optional.of("passed over " + skipped + ": " + (request.embeds() ? "no embeddings API"
                                : "an embedding model, it cannot answer task type " + request.taskType())));
    }

    /** Why nothing on the route could serve the request at all. */
    static String none(LlmRequest request, String route) {
        return "no provider on this route (" + route + ") can "
                + (request.embeds() ? "compute embeddings" : "answer task type " + request.taskType())
                + ": route task type " + request.taskType() + " to providers of a kind that can";
    }

    private TaskCapability() {
    }
}
