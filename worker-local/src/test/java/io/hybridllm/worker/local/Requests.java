package io.hybridllm.worker.local;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;

/** Routed requests as the router would publish them, for the worker's tests. */
public final class Requests {

    public static final String TENANT = "acme";

    public static RoutedRequest routed(String id, Tier tier, Target target) {
        return routed(id, tier, target, null, null);
    }

    public static RoutedRequest routed(String id, Tier tier, Target target, Instant deadline, String replyTo) {
        RequestHints hints = new RequestHints(null, null, false, null, null, deadline, Map.of());
        LlmRequest request = new LlmRequest(0, id, TENANT, "job-7", TaskType.CHAT,
                List.of(ChatMessage.user("Name three prime numbers.")), new GenerationOptions(64, 0.2), hints, replyTo,
                null, null, null);
        RoutingDecision decision = new RoutingDecision(tier, List.of(target), 0.12, List.of(), "score 0.12 < 0.3",
                "hybrid", "test-1", null);
        return new RoutedRequest(request, decision);
    }

    /** An embed request of {@code inputs}, with the decision's targets in order on {@code tier}. */
    public static RoutedRequest embed(String id, Tier tier, Integer dimensions, List<String> inputs,
            Target... targets) {
        LlmRequest request = new LlmRequest(0, id, TENANT, null, TaskType.EMBED, null, null, null, null, null, null,
                null, inputs, dimensions);
        RoutingDecision decision = new RoutingDecision(tier, List.of(targets), 0.0, List.of(), "embed", "hybrid",
                "test-1", null);
        return new RoutedRequest(request, decision);
    }

    private Requests() {
    }
}
