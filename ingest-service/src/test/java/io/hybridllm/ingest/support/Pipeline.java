package io.hybridllm.ingest.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.hybridllm.contracts.Attempt;
import io.hybridllm.contracts.CallStarted;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;

/**
 * Plays the router and the workers on the real broker, since they are other services: reads what ingest queued, and
 * publishes routed copies to tier topics and replies to {@code llm.replies}.
 */
public final class Pipeline {

    public static final Duration WAIT = Duration.ofSeconds(30);
    public static final KafkaProbe KAFKA = KafkaProbe.shared();
    public static final Target LOCAL = new Target("ollama", "llama3.2:1b", Tier.LOCAL_FAST);
    public static final Target CLOUD = new Target("openai", "gpt-4o-mini", Tier.CLOUD);

    /** The request ingest put on {@code llm.requests} for this id. */
    public static LlmRequest queued(String id) {
        return KAFKA.awaitMessage(Topics.REQUESTS, id, LlmRequest.class, WAIT);
    }

    /** The request as the router would route it: to local-fast, with the cloud to escalate to. */
    public static RoutedRequest onLocalFast(LlmRequest request) {
        return new RoutedRequest(request, new RoutingDecision(Tier.LOCAL_FAST, List.of(LOCAL, CLOUD), 0.1, List.of(),
                "score 0.100 < 0.30: local-fast", "hybrid", "builtin-1", null));
    }

    public static RoutedRequest route(LlmRequest request) {
        RoutedRequest routed = onLocalFast(request);
        KAFKA.send(Topics.TIER_LOCAL_FAST, request.id(), Json.write(routed));
        return routed;
    }

    /** What a local worker does with a poor answer: hands the request on to the cloud with its attempt. */
    public static RoutedRequest escalate(RoutedRequest routed) {
        Attempt poor = new Attempt(Tier.LOCAL_FAST, LOCAL.provider(), LOCAL.model(), Attempt.Outcome.ESCALATED, null,
                30, Instant.now(), 0.2, "empty answer");
        RoutedRequest escalated = new RoutedRequest(routed.request().withAttempt(poor),
                routed.decision().escalatedTo(Tier.CLOUD, "quality 0.20 below 0.50"));
        KAFKA.send(Topics.TIER_CLOUD, routed.id(), Json.write(escalated));
        return escalated;
    }

    /** What a worker announces as it begins its {@code attempt}-th call for a request, on {@code target}. */
    public static CallStarted start(RoutedRequest routed, Target target, int attempt) {
        CallStarted call = new CallStarted(1, routed.id(), routed.request().tenant(), target.tier(), target.provider(),
                target.model(), "gpu-1/42", attempt, Instant.now());
        KAFKA.send(Topics.PROGRESS, routed.id(), Json.write(call));
        return call;
    }

    public static LlmReply answer(RoutedRequest routed, String answer) {
        LlmReply reply = LlmReply.succeeded(routed, CLOUD, answer, new TokenUsage(7, 5), new BigDecimal("0.00021"), 42,
                routed.request().withAttempt(new Attempt(Tier.CLOUD, CLOUD.provider(), CLOUD.model(),
                        Attempt.Outcome.SUCCEEDED, null, 42, Instant.now())).attempts());
        KAFKA.send(Topics.REPLIES, routed.id(), Json.write(reply));
        return reply;
    }

    public static LlmReply fail(RoutedRequest routed, ErrorInfo.ErrorCode code, String why) {
        LlmReply reply = LlmReply.failed(routed, null, new ErrorInfo(code, why), 0, routed.request().attempts());
        KAFKA.send(Topics.REPLIES, routed.id(), Json.write(reply));
        return reply;
    }

    private Pipeline() {
    }
}
