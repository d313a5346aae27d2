package io.hybridllm.worker.cloud;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.Role;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;

/** Routed requests as the router would publish them to the cloud tier, for the worker's tests. */
public final class Requests {

    public static final String TENANT = "globex";

    public static RoutedRequest routed(String id, String model) {
        return routed(id, model, null, null);
    }

    public static RoutedRequest routed(String id, String model, Instant deadline, String replyTo) {
        RequestHints hints = new RequestHints(null, null, false, null, null, deadline, Map.of());
        LlmRequest request = new LlmRequest(0, id, TENANT, "job-42", TaskType.REVIEW,
                List.of(new ChatMessage(Role.SYSTEM, "You review Java code."),
                        ChatMessage.user("Is double-checked locking safe without volatile?")),
                new GenerationOptions(256, 0.3), hints, replyTo, null, null, null);
        RoutingDecision decision = new RoutingDecision(Tier.CLOUD, List.of(new Target("openai", model)), 0.74,
                List.of(), "score 0.74 >= 0.6: cloud", "hybrid", "test-1", null);
        return new RoutedRequest(request, decision);
    }

    /** Sends {@code routed} to the cloud tier and returns the worker's reply. */
    public static LlmReply answer(RoutedRequest routed) {
        KafkaProbe kafka = KafkaProbe.shared();
        kafka.send(Topics.TIER_CLOUD, routed.id(), Json.write(routed));
        return Published.reply(kafka, Topics.REPLIES, routed.id());
    }

    /** A request whose decision's failover chain is {@code chain}, in order, all on the cloud tier. */
    public static RoutedRequest chain(String id, Target... chain) {
        RoutedRequest base = routed(id, "unused");
        RoutingDecision decision = base.decision();
        return new RoutedRequest(base.request(), new RoutingDecision(decision.tier(), List.of(chain), decision.score(),
                decision.factors(), decision.rule(), decision.mode(), decision.policyVersion(), decision.decidedAt()));
    }

    private Requests() {
    }
}
